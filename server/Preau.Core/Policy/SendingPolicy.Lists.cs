using Preau.Core.Accounts;
using Preau.Core.Extensions;
using Preau.Core.Graph;

namespace Preau.Core.Policy;

/// <summary>List addresses: the built-in class, group and rubrique lists (eleves.6a@, parents.6a@,
/// profs.6a@, rubrique.x@) and those plugins provide. A list rule must let the sender use the list,
/// then every member that receives mail is decided by the sending rules, as if written to alone.</summary>
public sealed partial class SendingPolicy
{
    /// <summary>A list address offered by an extension (a plugin): null when none knows it; otherwise
    /// every member is decided by the rules, as for a built-in list.</summary>
    private PolicyDecision? DecideProvidedList(EstablishmentGraph graph, Account? sender, string localPart)
    {
        if (ProvidedList(localPart, sender) is not { } list)
        {
            return null;
        }

        if (list.Refusal is { } why)
        {
            return list.Temporary
                ? PolicyDecision.Refuse(451, "4.3.0", PolicyText.ListUnavailable(list.Name, why))
                : PolicyDecision.Refuse(550, "5.7.1", PolicyText.MayNotUseProvidedList(sender, list.Name, why));
        }

        return Members(graph, sender, list.Name, list.MemberIds);
    }

    private ListExpansion? ProvidedList(string localPart, Account? sender)
    {
        if (_extensions is null)
        {
            return null;
        }

        foreach (var provider in _extensions.RecipientLists)
        {
            try
            {
                if (provider.Expand(localPart, sender) is { } list)
                {
                    return list;
                }
            }
#pragma warning disable CA1031 // A provider is outside code: its failure must not end an SMTP session.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return ListExpansion.Unavailable(localPart, ex.Message);
            }
        }

        return null;
    }

    /// <summary>The members of a list that receive mail, each allowed by the rules for an account sender.</summary>
    private PolicyDecision Members(EstablishmentGraph graph, Account? sender, string listName, IEnumerable<string> memberIds)
    {
        var recipients = new List<Recipient>();
        foreach (var memberId in memberIds.Distinct(StringComparer.Ordinal))
        {
            if (graph.FindById(memberId) is not { CanReceive: true } member || member.Id == sender?.Id)
            {
                continue;
            }

            if (sender is not null && CheckRules(graph, sender, member) is { } refusal)
            {
                return PolicyDecision.Refuse(550, "5.7.1", PolicyText.ListMemberRefused(listName, refusal));
            }

            recipients.Add(new LocalRecipient(member, Domain));
        }

        return PolicyDecision.Accept(recipients, PolicyText.ListAccepted(listName, recipients.Count));
    }

    private PolicyDecision DecideList(EstablishmentGraph graph, Account sender, ListAddress list)
    {
        var members = Expand(graph, list, out var structureCode);
        if (members is null)
        {
            return PolicyDecision.Refuse(550, "5.1.1", PolicyText.NoSuchList($"{list.LocalPart}@{Domain}"));
        }

        var listRules = _settings().ListRules.Where(r => r.From.Matches(sender) && r.Lists.Contains(list.Kind)).ToArray();
        if (!listRules.Any(r => InScope(graph, sender, r.Scope, list.Kind, structureCode ?? list.Key)))
        {
            return PolicyDecision.Refuse(550, "5.7.1", PolicyText.MayNotUseList(sender, list.LocalPart, list.Kind, listRules));
        }

        var recipients = new List<Recipient>(members.Count);
        foreach (var memberId in members)
        {
            if (graph.FindById(memberId) is not { CanReceive: true } member || member.Id == sender.Id)
            {
                continue;
            }

            if (CheckRules(graph, sender, member) is { } refusal)
            {
                return PolicyDecision.Refuse(550, "5.7.1", PolicyText.ListMemberRefused(list.LocalPart, refusal));
            }

            recipients.Add(new LocalRecipient(member, Domain));
        }

        return PolicyDecision.Accept(recipients, PolicyText.ListAccepted(list.LocalPart, recipients.Count));
    }

    /// <summary>The member ids of a list, or null when no such list exists.</summary>
    public static IReadOnlyCollection<string>? Expand(EstablishmentGraph graph, ListAddress list, out string? structureCode)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(list);
        structureCode = null;
        if (list.Kind == ListKind.Rubrique)
        {
            return graph.FindRubriqueBySlug(list.Key) is { DiffusionList: true } rubrique ? graph.MembersOf(rubrique.Id) : null;
        }

        if (graph.FindStructureBySlug(list.Key) is not { } structure)
        {
            return null;
        }

        structureCode = structure.Code;
        var pupils = graph.PupilsOf(structure.Code);
        return list.Kind switch
        {
            ListKind.Pupils => pupils,
            ListKind.Teachers => graph.TeachersOf(structure.Code),
            _ => pupils.SelectMany(graph.ParentsOf).Distinct(StringComparer.Ordinal).ToArray(),
        };
    }

    private static bool InScope(EstablishmentGraph graph, Account sender, ListScope scope, ListKind kind, string key)
    {
        if (kind == ListKind.Rubrique)
        {
            var rubrique = graph.FindRubriqueBySlug(key);
            return rubrique is not null && (scope == ListScope.Any || graph.DiffusionRubriquesOf(sender.Id).Contains(rubrique.Id));
        }

        return scope switch
        {
            ListScope.Any => true,
            ListScope.Taught => graph.TaughtBy(sender.Id).Contains(key),
            _ => graph.TaughtBy(sender.Id).Contains(key)
                || graph.StructuresOf(sender.Id).Contains(key)
                || graph.ChildrenOf(sender.Id).Any(c => graph.StructuresOf(c).Contains(key)),
        };
    }
}
