package lint

// MemoryLimit is the soft memory limit (runtime/debug.SetMemoryLimit) okr lint runs under when
// GOMEMLIMIT is not set. A repository of 2,000 plans holds about 35 MiB of plans; with the
// runtime's default pacing the heap could grow to twice that before a collection, and the limit
// makes the collector run earlier instead. A larger repository may use more: the limit is soft.
const MemoryLimit = 56 << 20
