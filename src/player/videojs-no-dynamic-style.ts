/**
 * Imported before video.js: it tells video.js not to add `<style>` elements to the page (its
 * defaults when it loads, and one per player for sizes), which a Content-Security-Policy without
 * 'unsafe-inline' in style-src blocks. Our player fills its box by its own (adopted) stylesheet, so
 * it needs none of them. A page that set the flag itself keeps its value.
 */
const pageScope = globalThis as { VIDEOJS_NO_DYNAMIC_STYLE?: boolean };
pageScope.VIDEOJS_NO_DYNAMIC_STYLE ??= true;


export {};
