using LiteDB;
using Preau.Core.Policy;

namespace Preau.Storage.LiteDb;

// IPolicyStateStore: the administrator's switches, one document.
public sealed partial class LiteDbStore
{
    private ILiteCollection<PolicyStateDoc> _policyState = null!;

    /// <inheritdoc />
    PolicyState Core.Storage.IPolicyStateStore.Load() =>
        Read(() => _policyState.FindById(PolicyStateDoc.SingleId)?.ToRecord()) ?? PolicyState.Default;

    /// <inheritdoc />
    public void Save(PolicyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Write(() => _policyState.Upsert(PolicyStateDoc.Of(state)));
    }

    private void InitializeAdminCollections()
    {
        _policyState = Collection<PolicyStateDoc>("policy_state");
        InitializeAuditCollection();
    }
}
