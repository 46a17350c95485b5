//! The bounded reader's memory limit on Windows (issue 14): a worker process caps the memory it may
//! commit by putting itself in a Job Object with `JOB_OBJECT_LIMIT_PROCESS_MEMORY`, so an allocation
//! past the limit fails and the worker ends (Rust aborts on a failed allocation), as `RLIMIT_DATA` does
//! on Linux. The job is never closed: it lives as long as the worker, and when the worker ends (or is
//! killed at its deadline) the job's last handle closes and `JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE` ends
//! every process still in it — the Tesseract an OCR page started — as the worker's process group does
//! on Unix. Children join the job, and its memory limit, by themselves.
//!
//! This is the workspace's only `unsafe` code (three calls into kernel32); everything else is
//! `forbid(unsafe_code)`. Other systems get `Ok(false)`: nothing was set here.

#![deny(unsafe_op_in_unsafe_fn, missing_docs)]

/// Caps the memory this process may commit at `bytes`. `Ok(true)`: the limit holds from now on;
/// `Ok(false)`: not a Windows system, nothing set.
pub fn limit_process_memory(bytes: u64) -> std::io::Result<bool> {
    imp::limit_process_memory(bytes)
}

#[cfg(windows)]
mod imp {
    use windows_sys::Win32::System::JobObjects::{
        AssignProcessToJobObject, CreateJobObjectW, JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION,
        JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, JOB_OBJECT_LIMIT_PROCESS_MEMORY,
        JOBOBJECT_EXTENDED_LIMIT_INFORMATION, JobObjectExtendedLimitInformation,
        SetInformationJobObject,
    };
    use windows_sys::Win32::System::Threading::GetCurrentProcess;

    pub fn limit_process_memory(bytes: u64) -> std::io::Result<bool> {
        let limit = usize::try_from(bytes).unwrap_or(usize::MAX);
        // SAFETY: no security attributes and no name (both may be null); the returned handle is checked.
        let job = unsafe { CreateJobObjectW(std::ptr::null(), std::ptr::null()) };
        if job.is_null() {
            return Err(std::io::Error::last_os_error());
        }
        let mut info = JOBOBJECT_EXTENDED_LIMIT_INFORMATION::default();
        info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_PROCESS_MEMORY
            | JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION
            | JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
        info.ProcessMemoryLimit = limit;
        let size = u32::try_from(std::mem::size_of::<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>())
            .unwrap_or(u32::MAX);
        // SAFETY: `job` is a valid job handle; `info` is the structure this information class reads,
        // alive for the call, and `size` is its size.
        let set = unsafe {
            SetInformationJobObject(
                job,
                JobObjectExtendedLimitInformation,
                (&raw const info).cast(),
                size,
            )
        };
        if set == 0 {
            return Err(std::io::Error::last_os_error());
        }
        // SAFETY: `job` is valid; the pseudo-handle of the current process needs no closing. Since
        // Windows 8 a process already in a job (a terminal's, a CI runner's) may join a nested one.
        if unsafe { AssignProcessToJobObject(job, GetCurrentProcess()) } == 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(true)
    }
}

#[cfg(not(windows))]
mod imp {
    pub fn limit_process_memory(_bytes: u64) -> std::io::Result<bool> {
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    #[cfg(not(windows))]
    #[test]
    fn elsewhere_nothing_is_set() {
        assert!(!super::limit_process_memory(1 << 30).unwrap());
    }
}
