/* A stand-in for Windows' bcryptprimitives.dll, for running our Windows builds under Wine 8 (Debian 12's), which
 * lacks the DLL: Rust's standard library takes its random bytes from ProcessPrng (Windows 10 and later). It
 * forwards to RtlGenRandom (advapi32's SystemFunction036), which Wine has. Tests only: never installed by the
 * Windows installer (real Windows has the DLL). Built with mingw-w64 into the test prefix by tests/windows/run.sh. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
