package dev.faceid.cli.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Writes frames to an MP4 file through FFmpeg: H.264 when the FFmpeg build has an H.264 encoder, MPEG-4 Part 2
 * otherwise (the LGPL build of org.bytedeco's FFmpeg ships OpenH264 on some platforms only). Not thread-safe.
 */
public final class VideoSink implements AutoCloseable {
    /** H.264 encoders in order of preference; the first one this FFmpeg build has is used. */
    private static final List<String> H264_ENCODERS = List.of("libx264", "libopenh264");

    private final FFmpegFrameRecorder recorder;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private final String codec;
    private final Path file;

    private VideoSink(FFmpegFrameRecorder recorder, String codec, Path file) {
        this.recorder = recorder;
        this.codec = codec;
        this.file = file;
    }

    /**
     * Starts an MP4 file of {@code width x height} frames at {@code frameRate}.
     *
     * @throws VideoException if FFmpeg cannot create it
     */
    public static VideoSink create(Path file, int width, int height, double frameRate) {
        FfmpegLog.quiet();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new VideoException("Cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        recorder.setFormat("mp4");
        recorder.setFrameRate(frameRate);
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        String h264 = H264_ENCODERS.stream().filter(n -> avcodec_find_encoder_by_name(n) != null).findFirst()
                .orElse(null);
        if (h264 != null) {
            recorder.setVideoCodecName(h264);
            recorder.setVideoCodec(AV_CODEC_ID_H264);
        } else {
            recorder.setVideoCodec(AV_CODEC_ID_MPEG4);
        }
        // Annotations are thin lines and small text; a generous bit rate keeps them legible.
        recorder.setVideoBitrate(Math.max(1_000_000, width * height * 8));
        try {
            recorder.start();
        } catch (FrameRecorder.Exception e) {
            throw new VideoException("Cannot create " + file + ": " + e.getMessage(), e);
        }
        return new VideoSink(recorder, h264 != null ? h264 : "mpeg4", file);
    }

    /** The encoder in use, e.g. {@code libopenh264} or {@code mpeg4}. */
    public String codec() {
        return codec;
    }

    public void write(BufferedImage frame) {
        try {
            recorder.record(converter.convert(bgr(frame)));
        } catch (FrameRecorder.Exception e) {
            throw new VideoException("Cannot write a frame to " + file + ": " + e.getMessage(), e);
        }
    }

    /** FFmpeg's converter reads packed BGR bytes; other layouts would be taken for another pixel format. */
    private static BufferedImage bgr(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        var g = out.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    @Override
    public void close() {
        try {
            recorder.close();
        } catch (FrameRecorder.Exception e) {
            throw new VideoException("Cannot finish " + file + ": " + e.getMessage(), e);
        }
    }
}
