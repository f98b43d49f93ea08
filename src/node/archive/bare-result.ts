/**
 * The archive's `recording.json`: the result in its bare shape (taken out of a DescribeOnlineRecord
 * answer or a callback envelope), everything kept, each archived file's `VideoUrl` replaced by its
 * path relative to the archive folder. Files that could not be archived keep their source URL.
 */
import { unwrapEnvelope } from '../../core/recording/envelope.js';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of the bare result with `VideoInfos[index].VideoUrl` set from `localUrlByIndex`. */
export function bareResultWithLocalUrls(document: unknown, localUrlByIndex: ReadonlyMap<number, string>): JsonObject {
  // The parser has accepted the document already, so the envelope holds a result.
  const body = unwrapEnvelope(document).body;
  const videoInfos = Array.isArray(body['VideoInfos']) ? body['VideoInfos'] : [];
  return {
    ...body,
    VideoInfos: videoInfos.map((entry: unknown, index) => {
      const localUrl = localUrlByIndex.get(index);
      return localUrl !== undefined && isObject(entry) ? { ...entry, VideoUrl: localUrl } : entry;
    }),
  };
}
