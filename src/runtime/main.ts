// Placeholder entry; the learner runtime is being written.
declare const __CK_TARGET__: string;
document.documentElement.dataset.ckTarget = __CK_TARGET__;
