// Labels and times shared by the player, the review page and the command line: facts and formats, no words.
export { formatClock, formatClockMs, formatClockTenths, formatSpanMs } from './clock.js';
export { tileFacts, tileRole, ownerOfSubstream, SUBSTREAM_PREFIX, MIXSTREAM_PREFIX, type TileFacts, type TileRole } from './tile-facts.js';
