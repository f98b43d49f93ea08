/**
 * The archive's `recording.json`: the result in its bare shape (taken out of a DescribeOnlineRecord
 * answer or a callback envelope), everything kept, each archived file's `VideoUrl` replaced by its
 * path relative to the archive folder. Files that could not be archived keep their source URL.
 */
type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The result inside whichever envelope it came in (the parser has already accepted it). */
export function bareBodyOf(document: unknown): JsonObject {
  if (!isObject(document)) throw new Error('the result is not a JSON object');
  if (isObject(document['Response'])) return document['Response'];
  if (isObject(document['EventData'])) return document['EventData'];
  return document;
}

/** A copy of the bare result with `VideoInfos[index].VideoUrl` set from `localUrlByIndex`. */
export function bareResultWithLocalUrls(document: unknown, localUrlByIndex: ReadonlyMap<number, string>): JsonObject {
  const body = bareBodyOf(document);
  const videoInfos = Array.isArray(body['VideoInfos']) ? body['VideoInfos'] : [];
  return {
    ...body,
    VideoInfos: videoInfos.map((entry: unknown, index) => {
      const localUrl = localUrlByIndex.get(index);
      return localUrl !== undefined && isObject(entry) ? { ...entry, VideoUrl: localUrl } : entry;
    }),
  };
}
