using Preau.Plugins.Graph;

namespace Preau.Plugins.Directory.Plugin.Actions;

/// <summary>Writes one account changed by an action of the annuaire. The writer replaces the relations
/// of every account a batch lists, so the batch carries all of this account's relations as they are:
/// classes and groups, parent links on either side, teachings, rubriques. Callers hold the
/// <see cref="DirectoryWriteGate"/>.</summary>
public sealed class AccountWriter(IGraphReader reader, IGraphWriter writer)
{
    /// <summary>Writes <paramref name="account"/> (same id) with its relations unchanged; the graph
    /// writer audits the batch under <paramref name="source"/>.</summary>
    /// <exception cref="GraphBatchException">The server refused the change; nothing was written.</exception>
    public void Write(AccountRecord account, string source)
    {
        ArgumentNullException.ThrowIfNull(account);
        var id = account.Id;
        var parentLinks = reader.ParentLinksOf(id)
            .Concat(reader.ChildrenOf(id).SelectMany(child => reader.ParentLinksOf(child.Id)).Where(l => l.ParentId == id))
            .Distinct()
            .ToArray();
        writer.Apply(new GraphBatch
        {
            Source = source,
            Accounts = [account],
            Memberships = [.. reader.StructuresOf(id).Select(s => new MembershipRecord(id, s.Code))],
            ParentLinks = parentLinks,
            Teachings = [.. reader.TeachingsOf(id)],
            RubriqueMembers = [.. reader.RubriquesOf(id).Select(r => new RubriqueMemberRecord(r.Id, id))],
        });
    }
}
