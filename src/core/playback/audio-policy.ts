/**
 * Who is heard. The recording service may give the same voice twice: a mixed stream (type 3)
 * carries every voice of the room, and with AudioFileNeeded each camera also gets an mp3 (type 4)
 * of the same audio. Doubling those would echo, so among the files active at one moment:
 *  - a user's camera is heard; that user's audio-only file is heard only when no camera file of
 *    theirs is playing (or it failed to load);
 *  - the mixed stream is heard only when no single-stream voice (camera or audio-only) is playing;
 *  - screen shares and the whiteboard are always heard (they carry no voice of a camera).
 */
import { VideoType, type RecordingFile } from '../recording/recording.js';

export function audibleVideoIds(active: readonly RecordingFile[], failedVideoIds: ReadonlySet<string> = new Set()): Set<string> {
  const playing = active.filter((file) => !failedVideoIds.has(file.videoId));
  const usersWithCamera = new Set(playing.filter((f) => f.videoType === VideoType.Camera).map((f) => f.userId));
  const audible = new Set<string>();
  let singleVoice = false;
  for (const file of playing) {
    switch (file.videoType) {
      case VideoType.Camera:
        singleVoice = true;
        audible.add(file.videoId);
        break;
      case VideoType.AudioOnly:
        singleVoice = true;
        if (!usersWithCamera.has(file.userId)) audible.add(file.videoId);
        break;
      case VideoType.MixedStream:
        break;
      default:
        audible.add(file.videoId);
    }
  }
  if (!singleVoice) {
    for (const file of playing) if (file.videoType === VideoType.MixedStream) audible.add(file.videoId);
  }
  return audible;
}
