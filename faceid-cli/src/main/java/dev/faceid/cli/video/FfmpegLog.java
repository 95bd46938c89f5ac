package dev.faceid.cli.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/** FFmpeg's log level for this program. */
final class FfmpegLog {
    private FfmpegLog() {
    }

    /** FFmpeg prints stream details and encoder notices to stderr by default; errors are all a user needs. */
    static void quiet() {
        av_log_set_level(AV_LOG_ERROR);
    }
}
