//! Engine facade (being written).
