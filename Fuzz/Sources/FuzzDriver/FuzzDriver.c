// Declarations only; the symbol comes from libFuzzer (linked by -sanitize=fuzzer).
#include "FuzzDriver.h"
