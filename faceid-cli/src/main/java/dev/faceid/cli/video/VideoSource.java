package dev.faceid.cli.video;

import java.awt.image.BufferedImage;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Frames of a video file or a camera, decoded by FFmpeg. OpenCV's {@code VideoCapture} is no substitute here: the
 * OpenCV natives from org.bytedeco are built without FFmpeg and cannot open an MP4. Not thread-safe.
 */
public final class VideoSource implements AutoCloseable {
    private final FFmpegFrameGrabber grabber;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private final String name;

    private VideoSource(FFmpegFrameGrabber grabber, String name) {
        this.grabber = grabber;
        this.name = name;
    }

    /**
     * Opens a video file, or the camera of that index when {@code fileOrCamera} is a number ({@code 0} is
     * {@code /dev/video0}, read through Video4Linux2).
     *
     * @throws VideoException if FFmpeg cannot open or decode it
     */
    public static VideoSource open(String fileOrCamera) {
        FfmpegLog.quiet();
        boolean camera = fileOrCamera.matches("\\d+");
        String name = camera ? "/dev/video" + fileOrCamera : fileOrCamera;
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(name);
        if (camera) {
            grabber.setFormat("video4linux2");
        }
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            throw new VideoException("Cannot open " + (camera ? "camera " : "video ") + name + ": "
                    + e.getMessage(), e);
        }
        if (grabber.getImageWidth() <= 0) {
            close(grabber);
            throw new VideoException("No video stream in " + name);
        }
        return new VideoSource(grabber, name);
    }

    public String name() {
        return name;
    }

    public int width() {
        return grabber.getImageWidth();
    }

    public int height() {
        return grabber.getImageHeight();
    }

    /** Frames per second as the container states it; 30 when it states none (cameras often do not). */
    public double frameRate() {
        double fps = grabber.getFrameRate();
        return fps > 0 && Double.isFinite(fps) ? fps : 30;
    }

    /** The number of frames the container announces, or 0 when unknown (a camera). */
    public int announcedFrames() {
        return Math.max(0, grabber.getLengthInVideoFrames());
    }

    /** The next frame as an image of its own, or null at the end of the video. */
    public BufferedImage next() {
        try {
            Frame frame = grabber.grabImage();
            if (frame == null) {
                return null;
            }
            // The converter reuses its buffer; the copy outlives the next grab.
            BufferedImage shared = converter.convert(frame);
            BufferedImage copy = new BufferedImage(shared.getWidth(), shared.getHeight(), shared.getType());
            copy.setData(shared.getRaster());
            return copy;
        } catch (FrameGrabber.Exception e) {
            throw new VideoException("Cannot decode " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        close(grabber);
    }

    private static void close(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            throw new VideoException("Cannot close " + e.getMessage(), e);
        }
    }
}
