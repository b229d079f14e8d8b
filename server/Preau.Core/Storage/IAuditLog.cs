namespace Preau.Core.Storage;

/// <summary>One administrative action.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who: a login (web), <c>cli:user</c>, <c>demo</c>…</param>
/// <param name="Action">What, dotted: <c>account.state</c>, <c>rights.grant</c>, <c>delegation.revoke</c>…</param>
/// <param name="Detail">The change, in words.</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Detail)
{
    /// <summary>The position in the log, given by the store on append (0 before): increasing, never reused.</summary>
    public long Id { get; init; }
}

/// <summary>Which entries to read, newest first.</summary>
/// <param name="Actor">Only this actor (exact, case-insensitive).</param>
/// <param name="Action">Only this action, or this family: <c>rights</c> matches <c>rights.grant</c> and <c>rights.revoke</c>.</param>
/// <param name="From">Only entries at or after this moment.</param>
/// <param name="To">Only entries before this moment.</param>
/// <param name="Limit">At most this many entries.</param>
/// <param name="Before">Paging: only entries older than the entry with this <see cref="AuditEntry.Id"/>.</param>
public sealed record AuditQuery(
    string? Actor = null,
    string? Action = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = 50,
    long? Before = null)
{
    /// <summary>Whether an entry passes the actor and action filters.</summary>
    public bool Matches(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (Actor is null || string.Equals(entry.Actor, Actor, StringComparison.OrdinalIgnoreCase))
            && (Action is null || string.Equals(entry.Action, Action, StringComparison.OrdinalIgnoreCase)
                || entry.Action.StartsWith(Action + ".", StringComparison.OrdinalIgnoreCase))
            && (From is not { } from || entry.At >= from)
            && (To is not { } to || entry.At < to)
            && (Before is not { } before || entry.Id < before);
    }
}

/// <summary>Append-only record of administrative actions: nothing updates or deletes an entry.</summary>
public interface IAuditLog
{
    /// <summary>Records an action.</summary>
    void Append(AuditEntry entry);

    /// <summary>The most recent entries, newest first.</summary>
    IReadOnlyList<AuditEntry> Recent(int max);

    /// <summary>The entries matching <paramref name="query"/>, newest first, with their <see cref="AuditEntry.Id"/>.</summary>
    IReadOnlyList<AuditEntry> Query(AuditQuery query);
}
