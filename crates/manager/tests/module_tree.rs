//! The manager's modules form a tree (issue 14): no file reaches, through `crate::…` paths, a
//! file that reaches it back. A cycle is how the old `Rc<RefCell<State>>` tangle grew; this
//! test names the cycle if one comes back.

use std::collections::{BTreeMap, BTreeSet};

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    for e in std::fs::read_dir(&src).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if let Some(m) = name.strip_suffix(".rs") {
            let text = std::fs::read_to_string(e.path()).unwrap();
            // Tests may reach anywhere.
            let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
            files.insert(m.to_string(), code);
        }
    }
    let modules: BTreeSet<String> = files.keys().cloned().collect();
    files
        .iter()
        .map(|(m, code)| {
            let deps = code
                .split("crate::")
                .skip(1)
                .filter_map(|rest| {
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    (modules.contains(&name) && name != *m).then_some(name)
                })
                .collect();
            (m.clone(), deps)
        })
        .collect()
}

/// A cycle through `from`, if there is one.
fn cycle(
    g: &BTreeMap<String, BTreeSet<String>>,
    from: &str,
    at: &str,
    path: &mut Vec<String>,
    seen: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    for next in &g[at] {
        if next == from {
            let mut c = path.clone();
            c.push(next.clone());
            return Some(c);
        }
        if seen.insert(next.clone()) {
            path.push(next.clone());
            if let Some(c) = cycle(g, from, next, path, seen) {
                return Some(c);
            }
            path.pop();
        }
    }
    None
}

#[test]
fn the_module_graph_has_no_cycle() {
    let g = graph();
    assert!(g.contains_key("manager") && g.contains_key("run"), "{g:?}");
    for m in g.keys() {
        let found = cycle(&g, m, m, &mut vec![m.clone()], &mut BTreeSet::new());
        assert!(
            found.is_none(),
            "import cycle: {}",
            found.unwrap().join(" → ")
        );
    }
    // The loop is the top: nothing imports it.
    assert!(g.values().all(|deps| !deps.contains("run")));
}
