using System.Collections.Frozen;

namespace Preau.Imap.Session;

/// <summary>Which command is legal in which state, in one table (RFC 9051 §6).</summary>
internal static class StateTable
{
    private const SessionState Any = (SessionState)(-1);

    private static readonly FrozenDictionary<string, SessionState[]> Allowed = new Dictionary<string, SessionState[]>(StringComparer.Ordinal)
    {
        // Any state.
        ["CAPABILITY"] = [Any],
        ["NOOP"] = [Any],
        ["LOGOUT"] = [Any],
        ["ID"] = [Any],

        // Not authenticated.
        ["STARTTLS"] = [SessionState.NotAuthenticated],
        ["LOGIN"] = [SessionState.NotAuthenticated],
        ["AUTHENTICATE"] = [SessionState.NotAuthenticated],

        // Authenticated or selected.
        ["ENABLE"] = [SessionState.Authenticated],
        ["SELECT"] = [SessionState.Authenticated, SessionState.Selected],
        ["EXAMINE"] = [SessionState.Authenticated, SessionState.Selected],
        ["CREATE"] = [SessionState.Authenticated, SessionState.Selected],
        ["DELETE"] = [SessionState.Authenticated, SessionState.Selected],
        ["RENAME"] = [SessionState.Authenticated, SessionState.Selected],
        ["SUBSCRIBE"] = [SessionState.Authenticated, SessionState.Selected],
        ["UNSUBSCRIBE"] = [SessionState.Authenticated, SessionState.Selected],
        ["LIST"] = [SessionState.Authenticated, SessionState.Selected],
        ["LSUB"] = [SessionState.Authenticated, SessionState.Selected],
        ["NAMESPACE"] = [SessionState.Authenticated, SessionState.Selected],
        ["STATUS"] = [SessionState.Authenticated, SessionState.Selected],
        ["APPEND"] = [SessionState.Authenticated, SessionState.Selected],
        ["IDLE"] = [SessionState.Authenticated, SessionState.Selected],
        ["GETQUOTA"] = [SessionState.Authenticated, SessionState.Selected],
        ["GETQUOTAROOT"] = [SessionState.Authenticated, SessionState.Selected],
        ["SETQUOTA"] = [SessionState.Authenticated, SessionState.Selected],

        // Selected.
        ["CHECK"] = [SessionState.Selected],
        ["CLOSE"] = [SessionState.Selected],
        ["UNSELECT"] = [SessionState.Selected],
        ["EXPUNGE"] = [SessionState.Selected],
        ["UID EXPUNGE"] = [SessionState.Selected],
        ["SEARCH"] = [SessionState.Selected],
        ["UID SEARCH"] = [SessionState.Selected],
        ["FETCH"] = [SessionState.Selected],
        ["UID FETCH"] = [SessionState.Selected],
        ["STORE"] = [SessionState.Selected],
        ["UID STORE"] = [SessionState.Selected],
        ["COPY"] = [SessionState.Selected],
        ["UID COPY"] = [SessionState.Selected],
        ["MOVE"] = [SessionState.Selected],
        ["UID MOVE"] = [SessionState.Selected],
        ["SORT"] = [SessionState.Selected],
        ["UID SORT"] = [SessionState.Selected],
        ["THREAD"] = [SessionState.Selected],
        ["UID THREAD"] = [SessionState.Selected],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="command"/> may run in <paramref name="state"/>.</summary>
    public static bool IsAllowed(string command, SessionState state) =>
        Allowed.TryGetValue(command, out var states) && (states.Contains(Any) || states.Contains(state));

    /// <summary>The states a command is legal in, for the BAD text.</summary>
    public static string Describe(string command) => Allowed.TryGetValue(command, out var states)
        ? string.Join(" or ", states.Select(s => s == Any ? "any state" : s.ToString()))
        : "no state";
}
