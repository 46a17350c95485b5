//! The sync client against the real reference server (`server/`, Node.js + PostgreSQL), straight or through
//! its fault proxy: one test binary, one module per area. What the parts are and how they are started and
//! stopped is in `support`.

mod basics;
mod faults;
mod killed;
mod machines;
mod support;
