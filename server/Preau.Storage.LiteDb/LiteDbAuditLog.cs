using LiteDB;
using Preau.Core.Storage;

namespace Preau.Storage.LiteDb;

// IAuditLog: append-only; newest first is the reverse of the id order.
public sealed partial class LiteDbStore
{
    private ILiteCollection<AuditDoc> _audit = null!;

    /// <inheritdoc />
    public void Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Write(() => _audit.Insert(AuditDoc.Of(entry)));
    }

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> Recent(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return Read(() => _audit.Query()
            .OrderByDescending("_id")
            .Limit(max)
            .ToEnumerable()
            .Select(d => d.ToRecord())
            .ToList());
    }

    /// <inheritdoc />
    IReadOnlyList<AuditEntry> IAuditLog.Query(AuditQuery query) => QueryAudit(query);

    /// <summary>The entries matching <paramref name="query"/>, newest first (<see cref="IAuditLog.Query"/>; named
    /// apart from LiteDB's <c>Query</c> class, which the other partial files use).</summary>
    /// <remarks>Walks the id index backwards from <see cref="AuditQuery.Before"/> and filters as it goes (dates
    /// are not assumed monotonic: a clock set back must not hide entries); the log is an administrator's
    /// size, not mail's.</remarks>
    public IReadOnlyList<AuditEntry> QueryAudit(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        return Read(() =>
        {
            var documents = _audit.Query();
            if (query.Before is { } before)
            {
                documents = documents.Where(Filters.Less("_id", before));
            }

            return documents
                .OrderByDescending("_id")
                .ToEnumerable()
                .Select(d => d.ToRecord())
                .Where(query.Matches)
                .Take(query.Limit)
                .ToList();
        });
    }

    private void InitializeAuditCollection() => _audit = Collection<AuditDoc>("audit");
}
