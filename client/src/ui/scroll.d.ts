// Resolved per platform: scroll.h5.ts (the shown page's element) and scroll.weapp.ts (pageScrollTo).

/** Brings the first field marked `.has-error` on the page on screen into view (after a failed submit). */
export declare function scrollToFirstError(): void;
