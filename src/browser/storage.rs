//! The reader's remembered choices in localStorage: one accessor for each
//! key. Private modes without storage just forget.

/// A remembered choice: its localStorage key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Remembered {
    /// The language the reader chose last (a language code).
    Language,
    /// The theme the reader chose ("light" or "dark").
    Theme,
}

impl Remembered {
    fn key(self) -> &'static str {
        match self {
            Remembered::Language => "okuma.language",
            Remembered::Theme => "okuma.theme",
        }
    }

    /// The stored value, if any (and if storage is allowed).
    pub fn get(self) -> Option<String> {
        storage()?.get_item(self.key()).ok().flatten()
    }

    /// Remembers a value; without storage, nothing happens.
    pub fn set(self, value: &str) {
        if let Some(storage) = storage() {
            let _ = storage.set_item(self.key(), value);
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    crate::browser::window()?.local_storage().ok().flatten()
}
