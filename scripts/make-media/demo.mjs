/**
 * Set 2: the demo recording: six 25 fps files in demo/media/ (teacher, student, whiteboard, cut by
 * a one-minute pause) and demo/sample-recording.json, a recording result that lists them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { makeMp4 } from './encode.mjs';
import { DEMO_DIR, DEMO_MEDIA_DIR, rel } from './paths.mjs';

export function makeDemo() {
  console.log(`demo -> ${rel(DEMO_MEDIA_DIR)}/ + ${rel(path.join(DEMO_DIR, 'sample-recording.json'))}`);
  const fps = 25;
  const roomId = 100241;
  const recordStartTime = 1704790800; // 2024-01-09 09:00:00 UTC
  const totalTimeMs = 80000;
  const pauseS = 60; // the recording was paused for a minute at replay time 45 s
  const users = {
    teacher: { kind: 'camera', videoType: 0, userId: 'teacher', color: '0x1f5fa8', hue: 0, toneHz: 330, width: 320, height: 180, videoKbps: 100, audioKbps: 32 },
    student: { kind: 'camera', videoType: 0, userId: 'student', color: '0x8e2456', hue: 200, toneHz: 523, width: 320, height: 180, videoKbps: 100, audioKbps: 32 },
    whiteboard: { kind: 'board', videoType: 2, userId: '', color: '0xf4f1e8', toneHz: null, width: 640, height: 360, videoKbps: 48 },
  };
  // [who, index, startMs, endMs]
  const pieces = [
    ['teacher', 1, 0, 45000],
    ['whiteboard', 1, 4000, 45000],
    ['student', 1, 12000, 45000],
    ['teacher', 2, 45000, 70000],
    ['whiteboard', 2, 45000, 80000],
    ['student', 2, 45000, 58000],
  ];
  const videoInfos = [];
  pieces.forEach(([who, idx, startMs, endMs], i) => {
    const u = users[who];
    const name = `${who}-${idx}.mp4`;
    const durS = (endMs - startMs) / 1000;
    const s = { ...u, fps, durS, frames: durS * fps, offsetMs: startMs, label: `${who}-${idx}`, out: path.join(DEMO_MEDIA_DIR, name) };
    const r = makeMp4(s);
    videoInfos.push({
      VideoPlayTime: startMs,
      VideoSize: r.bytes,
      VideoFormat: 'mp4',
      VideoType: u.videoType,
      VideoUrl: `media/${name}`,
      VideoId: String(5285890781020000 + (i + 1) * 1001),
      UserId: u.userId,
      VideoDuration: r.probedMs,
      Width: u.width,
      Height: u.height,
    });
  });
  const result = {
    RoomId: roomId,
    GroupId: String(roomId),
    RecordUserId: `tic_record_user_${roomId}_1`,
    RecordStartTime: recordStartTime,
    RecordStopTime: recordStartTime + totalTimeMs / 1000 + pauseS,
    TotalTime: totalTimeMs,
    VideoInfos: videoInfos,
  };
  const out = path.join(DEMO_DIR, 'sample-recording.json');
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`  ok  ${rel(out)}`);
}
