//! systemctl's table layout: columns two… one space apart, the header underlined, widths in
//! display columns (CJK and emoji count two), and — on a terminal, unless `-l/--full` — lines
//! cut to the terminal's width: the last column first, then the first one.

use super::term::{display_width, ellipsize, pad};

/// The narrowest the first column is cut to before the last one is cut away.
const MIN_FIRST: usize = 16;

/// The width the last column may use, and the first column's width after cutting.
fn fit(widths: &mut [usize], prefix: usize, last: usize, limit: Option<usize>) -> usize {
    let Some(limit) = limit else {
        return usize::MAX;
    };
    let n = widths.len();
    let fixed = |w: &[usize]| prefix + w.iter().sum::<usize>() + n;
    let mut room = limit.saturating_sub(fixed(widths));
    // Keep at least a short description; take the rest from the first column.
    let wanted_last = last.min(20);
    if room < wanted_last && n > 0 && widths[0] > MIN_FIRST {
        let take = (wanted_last - room).min(widths[0] - MIN_FIRST);
        widths[0] -= take;
        room += take;
    }
    room
}

/// Render rows under `header` (when `legend`), each row after its `prefix` (a status dot).
/// `limit`: the terminal width to cut to, None to print in full.
pub fn render(
    header: &[&str],
    rows: &[Vec<String>],
    legend: bool,
    prefix: &[String],
    limit: Option<usize>,
) -> Vec<String> {
    let n = header.len();
    if n == 0 {
        return Vec::new();
    }
    let mut widths: Vec<usize> = header[..n - 1].iter().map(|h| display_width(h)).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(n - 1) {
            widths[i] = widths[i].max(display_width(c));
        }
    }
    let last_natural = rows
        .iter()
        .filter_map(|r| r.get(n - 1))
        .map(|c| display_width(c))
        .chain([display_width(header[n - 1])])
        .max()
        .unwrap_or(0);
    let prefix_w = if prefix.is_empty() { 0 } else { 2 };
    let room = fit(&mut widths, prefix_w, last_natural, limit);
    let line = |cells: &[String]| -> String {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate().take(n) {
            if i + 1 < n {
                s.push_str(&pad(&ellipsize(c, widths[i]), widths[i]));
                s.push(' ');
            } else {
                s.push_str(&ellipsize(c, room));
            }
        }
        s.trim_end().to_string()
    };
    let mut out = Vec::with_capacity(rows.len() + 1);
    if legend {
        let h: Vec<String> = header.iter().map(|x| (*x).to_string()).collect();
        let pad_prefix = if prefix.is_empty() { "" } else { "  " };
        out.push(format!(
            "{pad_prefix}{}",
            super::paint(super::style::UNDERLINE, &line(&h))
        ));
    }
    for (i, r) in rows.iter().enumerate() {
        let p = prefix.get(i).map(String::as_str).unwrap_or("");
        out.push(format!("{p}{}", line(r)));
    }
    out
}

/// [`render`] to stdout, cut to the terminal unless `full`.
pub fn print(header: &[&str], rows: &[Vec<String>], legend: bool, prefix: &[String], full: bool) {
    let limit = if full { None } else { super::term::width() };
    for l in render(header, rows, legend, prefix, limit) {
        println!("{l}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(v: &[&[&str]]) -> Vec<Vec<String>> {
        v.iter()
            .map(|r| r.iter().map(|c| (*c).to_string()).collect())
            .collect()
    }

    #[test]
    fn columns_align_by_display_width() {
        let r = rows(&[
            &["日本.service", "loaded", "説明"],
            &["a.service", "loaded", "x"],
        ]);
        let out = render(&["UNIT", "LOAD", "DESCRIPTION"], &r, false, &[], None);
        assert_eq!(out[0], "日本.service loaded 説明");
        assert_eq!(out[1], "a.service    loaded x");
    }

    #[test]
    fn the_last_column_is_cut_to_the_width() {
        let r = rows(&[&[
            "web.service",
            "loaded",
            "A rather long description of the web server",
        ]]);
        let out = render(&["UNIT", "LOAD", "DESCRIPTION"], &r, false, &[], Some(40));
        assert_eq!(out[0], "web.service loaded A rather long descri…");
        assert_eq!(display_width(&out[0]), 40);
        let full = render(&["UNIT", "LOAD", "DESCRIPTION"], &r, false, &[], None);
        assert!(full[0].ends_with("web server"));
    }

    #[test]
    fn a_long_first_column_gives_way_to_a_short_description() {
        let long = "a-very-long-unit-name-that-goes-on-and-on.service";
        let r = rows(&[&[long, "loaded", "Short description here, twenty+"]]);
        let out = render(&["UNIT", "LOAD", "DESCRIPTION"], &r, false, &[], Some(60));
        assert!(display_width(&out[0]) <= 60, "{}", out[0]);
        assert!(out[0].contains('…'), "{}", out[0]);
        assert!(out[0].contains("Short description"), "{}", out[0]);
    }
}
