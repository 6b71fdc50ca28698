//! The manager's modules form a tree (issue 14): no file reaches, through `crate::…` paths, a
//! file that reaches it back. A cycle is how the old `Rc<RefCell<State>>` tangle grew; this
//! test names the cycle if one comes back. The D-Bus front end (crates/dbus) and the login
//! daemon (crates/login) are held to the same rule here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The modules of the crate whose sources are in `src` and what each reaches: a top-level
/// module is its file `NAME.rs` with the files of its directory `NAME/`.
fn graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    for e in std::fs::read_dir(src).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let (m, paths) = match name.strip_suffix(".rs") {
            Some(m) => (m.to_string(), vec![e.path()]),
            None if e.path().is_dir() => {
                let inner = std::fs::read_dir(e.path()).unwrap().flatten();
                (name, inner.map(|f| f.path()).collect())
            }
            None => continue,
        };
        for path in paths
            .iter()
            .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        {
            let text = std::fs::read_to_string(path).unwrap();
            // Tests may reach anywhere.
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            files.entry(m.clone()).or_default().push_str(code);
        }
    }
    let modules: BTreeSet<String> = files.keys().cloned().collect();
    files
        .iter()
        .map(|(m, code)| {
            let mut deps = deps_of(code, &modules);
            deps.remove(m);
            (m.clone(), deps)
        })
        .collect()
}

/// The modules `code` reaches through `crate::NAME…` paths, grouped ones
/// (`crate::{a, b::c}`) included.
fn deps_of(code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut names = Vec::new();
    for rest in code.split("crate::").skip(1) {
        match rest.strip_prefix('{') {
            // The group's items at its top level: the first segment of each.
            Some(group) => {
                let mut depth = 0;
                let mut item_start = true;
                for (i, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => item_start = true,
                        c if item_start && !c.is_whitespace() => {
                            names.push(ident(&group[i..]));
                            item_start = false;
                        }
                        _ => {}
                    }
                }
            }
            None => names.push(ident(rest)),
        }
    }
    names.into_iter().filter(|n| modules.contains(n)).collect()
}

#[test]
fn grouped_imports_count_too() {
    let modules: BTreeSet<String> = ["a", "b", "c", "d"].map(String::from).into();
    let code = "use crate::{a, b::{X, Y}, c::Z as W};\nfn f() { crate::d::g(); }";
    assert_eq!(deps_of(code, &modules), modules);
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

/// Fails naming the first import cycle of `g`.
fn assert_no_cycle(g: &BTreeMap<String, BTreeSet<String>>) {
    for m in g.keys() {
        let found = cycle(g, m, m, &mut vec![m.clone()], &mut BTreeSet::new());
        assert!(
            found.is_none(),
            "import cycle: {}",
            found.unwrap().join(" → ")
        );
    }
}

#[test]
fn the_module_graph_has_no_cycle() {
    let g = graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(g.contains_key("manager") && g.contains_key("run"), "{g:?}");
    assert_no_cycle(&g);
    // The loop is the top: nothing imports it.
    assert!(g.values().all(|deps| !deps.contains("run")));
}

#[test]
fn the_dbus_front_ends_module_graph_has_no_cycle() {
    let g = graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../dbus/src"));
    assert!(g.contains_key("front") && g.contains_key("refs"), "{g:?}");
    // Its submodules (props/timer.rs …) count as their parent's.
    assert!(g["props"].contains("paths"), "{g:?}");
    assert_no_cycle(&g);
}

#[test]
fn the_login_daemons_module_graph_has_no_cycle() {
    let g = graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../login/src"));
    assert!(
        g.contains_key("state") && g.contains_key("notify_in"),
        "{g:?}"
    );
    assert_no_cycle(&g);
}

#[test]
fn a_cycle_is_found() {
    let g: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(m, deps)| (m.to_string(), deps.into_iter().map(String::from).collect()))
    .collect();
    let r = std::panic::catch_unwind(|| assert_no_cycle(&g));
    assert!(r.is_err());
}
