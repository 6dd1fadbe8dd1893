//! The short names of an enum's values in links, test ids, `<option>` values, file names and
//! storage keys (`#/apps/retrieval`, `anomaly-auc-ae-fashion`), and the translation key of each
//! value's name. One table per enum, written with [`slugs!`], gives both directions, so a name
//! read back always matches the one written, and a typo reads as `None`, never as a default.
//!
//! A foundation module: it imports nothing of the crate, so every layer may use it.

/// An enum whose values have fixed short names.
pub trait Slug: Sized + Clone + 'static {
    /// Every value [`Slug::from_slug`] gives, in menu order.
    const ALL: &'static [Self];

    /// The value's short name. It is written into links and storage, so it never changes.
    fn slug(&self) -> &'static str;

    /// The value named `slug`; a typo, or a value not in [`Slug::ALL`], is `None`.
    fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.iter().find(|v| v.slug() == slug).cloned()
    }
}

/// An enum whose values have a name a person reads (tab titles, menu entries).
pub trait Titled: Slug {
    /// The translation key of the value's name.
    fn title_key(&self) -> &'static str;
}

/// Implements [`Slug`] (and [`Titled`], where every row names a translation key) for an enum of
/// unit variants from one table, and gives the enum an inherent `pub const ALL: [Self; N]` of
/// every variant in the table's order (an array, for code that maps or indexes it; the trait's
/// `ALL` is the same values as a slice, for code generic over the enum).
///
/// ```
/// # use latent_lab::{slugs, slug::{Slug, Titled}};
/// #[derive(Clone, Copy, Debug, PartialEq)]
/// enum Tab { One, Two }
/// slugs!(Tab { One: "one", "tab-one"; Two: "two", "tab-two" });
/// assert_eq!(Tab::ALL, [Tab::One, Tab::Two]);
/// assert_eq!(Tab::Two.slug(), "two");
/// assert_eq!(Tab::from_slug("one"), Some(Tab::One));
/// assert_eq!(Tab::from_slug("tow"), None);
/// assert_eq!(Tab::One.title_key(), "tab-one");
/// ```
#[macro_export]
macro_rules! slugs {
    ($ty:ident { $($variant:ident: $slug:literal);+ $(;)? }) => {
        $crate::slugs!(@slug $ty { $($variant: $slug);+ });
    };
    ($ty:ident { $($variant:ident: $slug:literal, $key:expr);+ $(;)? }) => {
        $crate::slugs!(@slug $ty { $($variant: $slug);+ });
        impl $crate::slug::Titled for $ty {
            fn title_key(&self) -> &'static str {
                match self {
                    $($ty::$variant => $key,)+
                }
            }
        }
    };
    (@slug $ty:ident { $($variant:ident: $slug:literal);+ }) => {
        impl $ty {
            /// Every value, in menu order.
            pub const ALL: [$ty; <[&str]>::len(&[$(stringify!($variant)),+])] = [$($ty::$variant),+];
        }
        impl $crate::slug::Slug for $ty {
            const ALL: &'static [Self] = &<$ty>::ALL;

            fn slug(&self) -> &'static str {
                match self {
                    $($ty::$variant => $slug,)+
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::{Slug, Titled};

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Colour {
        Red,
        Green,
        Blue,
    }
    crate::slugs!(Colour {
        Red: "red", "colour-red";
        Green: "green", "colour-green";
        Blue: "blue", "colour-blue";
    });

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Size {
        Small,
        Large,
    }
    crate::slugs!(Size { Small: "s"; Large: "l" });

    #[test]
    fn every_value_round_trips_and_a_typo_is_none() {
        assert_eq!(Colour::ALL, [Colour::Red, Colour::Green, Colour::Blue]);
        assert_eq!(<Colour as Slug>::ALL, &Colour::ALL[..]);
        for c in Colour::ALL {
            assert_eq!(Colour::from_slug(c.slug()), Some(c));
        }
        assert_eq!(Colour::Green.title_key(), "colour-green");
        assert_eq!(Colour::from_slug("gren"), None);
        assert_eq!(Colour::from_slug(""), None);
        assert_eq!(Size::ALL.len(), 2);
        assert_eq!(Size::from_slug("l"), Some(Size::Large));
        assert_eq!(Size::from_slug("L"), None, "slugs are exact");
    }

    /// A hand-written table (a kind with weights, menu values that leave one variant out).
    #[derive(Clone, Debug, PartialEq)]
    enum Shape {
        Dot,
        Circle { radius: f64 },
    }

    impl Slug for Shape {
        const ALL: &'static [Self] = &[Shape::Circle { radius: 1.0 }];

        fn slug(&self) -> &'static str {
            match self {
                Shape::Dot => "dot",
                Shape::Circle { .. } => "circle",
            }
        }
    }

    #[test]
    fn only_the_values_in_all_are_read() {
        assert_eq!(
            Shape::from_slug("circle"),
            Some(Shape::Circle { radius: 1.0 })
        );
        assert_eq!(Shape::Dot.slug(), "dot");
        assert_eq!(Shape::from_slug("dot"), None);
    }
}
