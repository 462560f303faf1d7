// Keyboard for the triage queue: J/K move, C confirm, R reject, / focuses the search. Keys typed into a field are left alone.
export function listen(dotnet, searchSelector) {
    const onKey = (event) => {
        const target = event.target;
        const typing = target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
        if (typing || event.ctrlKey || event.metaKey || event.altKey) {
            return;
        }
        if (event.key === "/") {
            event.preventDefault();
            document.querySelector(searchSelector)?.focus();
            return;
        }
        const key = event.key.toLowerCase();
        if (["j", "k", "c", "r"].includes(key)) {
            event.preventDefault();
            dotnet.invokeMethodAsync("OnQueueKey", key);
        }
    };
    document.addEventListener("keydown", onKey);
    return { dispose: () => document.removeEventListener("keydown", onKey) };
}
