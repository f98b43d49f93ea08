import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { audibleVideoIds } from '../../src/core/playback/audio-policy.js';
import { VideoType, type RecordingFile } from '../../src/core/recording/recording.js';

let nextIndex = 0;

function file(videoId: string, videoType: VideoType, userId: string): RecordingFile {
  const audioOnly = videoType === VideoType.AudioOnly;
  return {
    videoId,
    userId,
    videoType,
    url: `https://example.com/${videoId}.${audioOnly ? 'mp3' : 'mp4'}`,
    format: audioOnly ? 'mp3' : 'mp4',
    startMs: 0,
    durationMs: 60_000,
    sourceIndex: nextIndex++,
  };
}

const camera = (id: string, user: string) => file(id, VideoType.Camera, user);
const audioOnly = (id: string, user: string) => file(id, VideoType.AudioOnly, user);
const screenShare = (id: string, user: string) => file(id, VideoType.ScreenShare, `tic_substream_${user}`);
const whiteboard = (id: string) => file(id, VideoType.Whiteboard, '');
const mixed = (id: string) => file(id, VideoType.MixedStream, 'tic_mixstream_1234_1');

const heard = (active: readonly RecordingFile[], failed: readonly string[] = []) => [...audibleVideoIds(active, new Set(failed))].sort();

describe('audibleVideoIds', () => {
  it('hears nothing when nothing plays', () => {
    expect(heard([])).to.deep.equal([]);
  });

  it('hears every camera', () => {
    expect(heard([camera('cam-a', 'alice'), camera('cam-b', 'bob')])).to.deep.equal(['cam-a', 'cam-b']);
  });

  it("silences a user's audio-only file while a camera of theirs plays: it is the same voice", () => {
    expect(heard([camera('cam-a', 'alice'), audioOnly('mp3-a', 'alice')])).to.deep.equal(['cam-a']);
  });

  it("hears a user's audio-only file when they have no camera playing", () => {
    expect(heard([audioOnly('mp3-a', 'alice')])).to.deep.equal(['mp3-a']);
    // Bob's camera says nothing about Alice's voice.
    expect(heard([camera('cam-b', 'bob'), audioOnly('mp3-a', 'alice')])).to.deep.equal(['cam-b', 'mp3-a']);
  });

  it("hears a user's audio-only file when their camera failed to load", () => {
    expect(heard([camera('cam-a', 'alice'), audioOnly('mp3-a', 'alice')], ['cam-a'])).to.deep.equal(['mp3-a']);
  });

  it('never hears a file that failed', () => {
    expect(heard([camera('cam-a', 'alice'), whiteboard('board')], ['cam-a', 'board'])).to.deep.equal([]);
    expect(heard([audioOnly('mp3-a', 'alice')], ['mp3-a'])).to.deep.equal([]);
  });

  it('hears the mixed stream when no single voice plays', () => {
    expect(heard([mixed('mix')])).to.deep.equal(['mix']);
    expect(heard([mixed('mix'), whiteboard('board'), screenShare('share', 'alice')])).to.deep.equal(['board', 'mix', 'share']);
  });

  it('silences the mixed stream while a camera or an audio-only file plays: it already carries those voices', () => {
    expect(heard([mixed('mix'), camera('cam-a', 'alice')])).to.deep.equal(['cam-a']);
    expect(heard([mixed('mix'), audioOnly('mp3-a', 'alice')])).to.deep.equal(['mp3-a']);
  });

  it('falls back to the mixed stream when every single voice failed', () => {
    expect(heard([mixed('mix'), camera('cam-a', 'alice'), audioOnly('mp3-a', 'alice')], ['cam-a', 'mp3-a'])).to.deep.equal(['mix']);
  });

  it('always hears screen shares and the whiteboard', () => {
    const active = [screenShare('share', 'alice'), whiteboard('board'), camera('cam-a', 'alice'), audioOnly('mp3-a', 'alice'), mixed('mix')];
    expect(heard(active)).to.include.members(['share', 'board']);
  });

  it('hears the documented worst case once per voice: camera + mp3 + mixed stream of the same room', () => {
    const active = [
      whiteboard('board'),
      camera('cam-a', 'alice'),
      audioOnly('mp3-a', 'alice'),
      camera('cam-b', 'bob'),
      audioOnly('mp3-b', 'bob'),
      audioOnly('mp3-c', 'carol'),
      mixed('mix'),
    ];
    expect(heard(active)).to.deep.equal(['board', 'cam-a', 'cam-b', 'mp3-c']);
  });

  describe('properties', () => {
    const USERS = ['alice', 'bob', 'carol'];
    const TYPES: VideoType[] = [VideoType.Camera, VideoType.ScreenShare, VideoType.Whiteboard, VideoType.MixedStream, VideoType.AudioOnly];
    const scene = fc
      .array(fc.record({ type: fc.constantFrom(...TYPES), user: fc.constantFrom(...USERS), failed: fc.boolean() }), { maxLength: 12 })
      .map((specs) => {
        const files = specs.map((spec, i) => {
          const userId = spec.type === VideoType.Whiteboard ? '' : spec.type === VideoType.MixedStream ? 'tic_mixstream_1_1' : spec.user;
          return file(`f${i}`, spec.type, userId);
        });
        const failed = new Set(files.filter((_, i) => specs[i]!.failed).map((f) => f.videoId));
        return { files, failed };
      });

    it("never hears both a user's camera and that user's audio-only file", () => {
      fc.assert(
        fc.property(scene, ({ files, failed }) => {
          const audible = audibleVideoIds(files, failed);
          const heardFiles = files.filter((f) => audible.has(f.videoId));
          for (const cam of heardFiles.filter((f) => f.videoType === VideoType.Camera)) {
            expect(heardFiles.some((f) => f.videoType === VideoType.AudioOnly && f.userId === cam.userId), cam.userId).to.equal(false);
          }
        }),
      );
    });

    it('hears the mixed stream only when no camera or audio-only file is heard', () => {
      fc.assert(
        fc.property(scene, ({ files, failed }) => {
          const audible = audibleVideoIds(files, failed);
          const heardFiles = files.filter((f) => audible.has(f.videoId));
          if (heardFiles.some((f) => f.videoType === VideoType.MixedStream)) {
            expect(heardFiles.filter((f) => f.videoType === VideoType.Camera || f.videoType === VideoType.AudioOnly)).to.deep.equal([]);
          }
        }),
      );
    });

    it('follows the rules file by file', () => {
      fc.assert(
        fc.property(scene, ({ files, failed }) => {
          const audible = audibleVideoIds(files, failed);
          const playing = files.filter((f) => !failed.has(f.videoId));
          const cameraPlaysFor = (userId: string) => playing.some((f) => f.videoType === VideoType.Camera && f.userId === userId);
          const singleVoicePlays = playing.some((f) => f.videoType === VideoType.Camera || f.videoType === VideoType.AudioOnly);
          for (const f of files) {
            let expected: boolean;
            if (failed.has(f.videoId)) expected = false;
            else if (f.videoType === VideoType.AudioOnly) expected = !cameraPlaysFor(f.userId);
            else if (f.videoType === VideoType.MixedStream) expected = !singleVoicePlays;
            else expected = true; // camera, screen share, whiteboard
            expect(audible.has(f.videoId), `${f.videoId} (type ${f.videoType}, ${f.userId})`).to.equal(expected);
          }
          for (const id of audible) expect(files.some((f) => f.videoId === id)).to.equal(true);
        }),
      );
    });

    it('hears something whenever any file plays', () => {
      fc.assert(
        fc.property(scene, ({ files, failed }) => {
          const playing = files.filter((f) => !failed.has(f.videoId));
          expect(audibleVideoIds(files, failed).size > 0).to.equal(playing.length > 0);
        }),
      );
    });
  });
});
