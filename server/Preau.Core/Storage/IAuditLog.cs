namespace Preau.Core.Storage;

/// <summary>One administrative action.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Detail);

/// <summary>Append-only record of administrative actions.</summary>
public interface IAuditLog
{
    /// <summary>Records an action.</summary>
    void Append(AuditEntry entry);

    /// <summary>The most recent entries, newest first.</summary>
    IReadOnlyList<AuditEntry> Recent(int max);
}
