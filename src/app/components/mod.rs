//! Reusable pieces of the interface, each with one job. They read shared state from context
//! (`app::state`) or take it as props, and never hold domain logic.

pub mod colour_canvas;
pub mod digit_canvas;
pub mod draw_pad;
pub mod engine_badge;
pub mod fields;
pub mod formula;
pub mod late_models;
pub mod latent_map;
pub mod loading_panel;
pub mod loss_chart;
pub mod messages;
pub mod model_import;
pub mod offline_status;
pub mod share;
pub mod tab_bar;
