// video.js core registers components the replay never creates (the player is built with
// textTrackDisplay, textTrackSettings and errorDisplay off, no title bar, no spatial navigation, and
// a control bar without skip, live, picture-in-picture, remaining-time, caption or track buttons),
// and the Html5 Tech (the player's only Tech is the replay's: `techOrder` names nothing else).
// Their class bodies are emptied at build time: the names stay registered, the code is not shipped.
// A class that is not found as expected fails the build, so an upgrade of video.js is noticed.
const UNUSED_CLASSES = [
  'SpatialNavigation',
  'TextTrackDisplay',
  'ErrorDisplay',
  'TextTrackSelect',
  'TextTrackFieldset',
  'TextTrackSettingsColors',
  'TextTrackSettingsFont',
  'TrackSettingsControls',
  'TextTrackSettings',
  'TitleBar',
  'TransientButton',
  'Html5',
  // Controls the control bar is built without (src/player/videojs.ts turns them off), and the
  // caption, chapter and audio-track menus behind them.
  'SkipForward',
  'SkipBackward',
  'LiveDisplay',
  'SeekToLive',
  'PictureInPictureToggle',
  'RemainingTimeDisplay',
  'TrackButton',
  'TextTrackMenuItem',
  'OffTextTrackMenuItem',
  'TextTrackButton',
  'ChaptersTrackMenuItem',
  'ChaptersButton',
  'DescriptionsButton',
  'SubtitlesButton',
  'CaptionSettingsMenuItem',
  'CaptionsButton',
  'SubsCapsMenuItem',
  'SubsCapsButton',
  'AudioTrackMenuItem',
  'AudioTrackButton',
];

export function trimVideojs() {
  return {
    name: 'trim-videojs',
    transform(code, id) {
      if (!/video\.js[\\/]core\.es\.js$/.test(id)) return null;
      let trimmed = code;
      for (const name of UNUSED_CLASSES) {
        const start = new RegExp(`^class ${name} extends (\\w+(?:\\$\\d+)?) \\{$`, 'm').exec(trimmed);
        if (!start) this.error(`trim-videojs: class ${name} not found in video.js core`);
        const end = trimmed.indexOf('\n}\n', start.index);
        if (end === -1) this.error(`trim-videojs: end of class ${name} not found`);
        trimmed = `${trimmed.slice(0, start.index)}class ${name} extends ${start[1]} {}${trimmed.slice(end + 2)}`;
      }
      return { code: trimmed, map: null };
    },
  };
}
