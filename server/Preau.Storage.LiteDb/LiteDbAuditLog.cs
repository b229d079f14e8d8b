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
        return _audit.Query()
            .OrderByDescending("_id")
            .Limit(max)
            .ToEnumerable()
            .Select(d => d.ToRecord())
            .ToList();
    }

    private void InitializeAuditCollection() => _audit = _db.GetCollection<AuditDoc>("audit");
}
