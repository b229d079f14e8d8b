using Preau.Core.Accounts;
using Preau.Core.Extensions;
using Preau.Core.Graph;

namespace Preau.Core.Policy;

/// <summary>Decides, recipient by recipient, who may write to whom: the heart of Préau.</summary>
/// <remarks>
/// Order of checks for an authenticated sender and one address:
/// local domain? list address? (list rule, then every member by the rules) : account exists,
/// receives, rules or a reply grant allow it. Outside the domain: external mail must be open for
/// the sender. Each refusal names the sender, the recipient and the rule in words.
/// The caller counts recipients against <see cref="PolicySettings.MaxRecipients"/>.
/// </remarks>
public sealed class SendingPolicy
{
    private readonly Func<EstablishmentGraph> _graph;
    private readonly Func<PolicySettings> _settings;
    private readonly Func<PolicyState> _state;
    private readonly Func<string, string, bool> _hasReplyGrant;
    private readonly ExtensionPoints? _extensions;

    /// <summary>Creates the policy over live views of the graph, the rule table and the switches.</summary>
    /// <param name="domain">The school's mail domain.</param>
    /// <param name="graph">The current graph snapshot.</param>
    /// <param name="settings">The rule table in force.</param>
    /// <param name="state">The administrator's switches.</param>
    /// <param name="hasReplyGrant">(account id, correspondent address) → whether the account received mail from it.</param>
    /// <param name="extensions">Where plugins add recipient lists, if any.</param>
    public SendingPolicy(
        string domain,
        Func<EstablishmentGraph> graph,
        Func<PolicySettings> settings,
        Func<PolicyState> state,
        Func<string, string, bool> hasReplyGrant,
        ExtensionPoints? extensions = null)
    {
        _extensions = extensions;
        Domain = domain;
        _graph = graph;
        _settings = settings;
        _state = state;
        _hasReplyGrant = hasReplyGrant;
    }

    /// <summary>The school's mail domain.</summary>
    public string Domain { get; }

    /// <summary>The rule table in force.</summary>
    public PolicySettings Settings => _settings();

    /// <summary>Whether an address belongs to the school's domain.</summary>
    public bool IsLocal(string address) =>
        SplitAddress(address) is { } parts && string.Equals(parts.Domain, Domain, StringComparison.OrdinalIgnoreCase);

    /// <summary>May this account send at all right now (state, emergency stop)?</summary>
    public PolicyDecision CheckSender(Account sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        if (!sender.CanLogIn)
        {
            return PolicyDecision.Refuse(550, "5.7.1", $"{sender.Login} is {Describe(sender.State)} and may not send");
        }

        if (sender.Profile == Profile.Eleve && _state().PupilSendingStopped)
        {
            return PolicyDecision.Refuse(550, "5.7.1", "sending by pupils is stopped by the administrator (emergency stop)");
        }

        return PolicyDecision.AcceptSender();
    }

    /// <summary>May <paramref name="sender"/> write to <paramref name="address"/>? Expands list addresses.</summary>
    public PolicyDecision Decide(Account sender, string address)
    {
        ArgumentNullException.ThrowIfNull(sender);
        if (SplitAddress(address) is not { } parts)
        {
            return PolicyDecision.Refuse(501, "5.1.3", $"'{address}' is not a valid address");
        }

        if (!string.Equals(parts.Domain, Domain, StringComparison.OrdinalIgnoreCase))
        {
            return DecideExternal(sender, address);
        }

        var graph = _graph();
        if (ListAddress.TryParse(parts.Local, out var list))
        {
            return DecideList(graph, sender, list);
        }

        if (graph.FindByLogin(parts.Local) is not { } recipient)
        {
            return DecideProvidedList(graph, sender, parts.Local)
                ?? PolicyDecision.Refuse(550, "5.1.1", $"{parts.Local}@{Domain}: no such mailbox");
        }

        if (!recipient.CanReceive)
        {
            return PolicyDecision.Refuse(550, "5.2.1", $"{recipient.Login} is {Describe(recipient.State)} and receives no mail");
        }

        var refusal = CheckRules(graph, sender, recipient);
        if (refusal is null || _hasReplyGrant(sender.Id, $"{recipient.Login}@{Domain}"))
        {
            return PolicyDecision.Accept([new LocalRecipient(recipient, Domain)]);
        }

        return PolicyDecision.Refuse(550, "5.7.1", refusal);
    }

    /// <summary>May mail from outside the school reach <paramref name="address"/>?</summary>
    public PolicyDecision DecideInbound(string address)
    {
        if (SplitAddress(address) is not { } parts)
        {
            return PolicyDecision.Refuse(501, "5.1.3", $"'{address}' is not a valid address");
        }

        if (!string.Equals(parts.Domain, Domain, StringComparison.OrdinalIgnoreCase))
        {
            return PolicyDecision.Refuse(550, "5.7.1", $"relaying to {parts.Domain} denied: this server only accepts mail for {Domain}");
        }

        var graph = _graph();
        if (ListAddress.TryParse(parts.Local, out _))
        {
            return PolicyDecision.Refuse(550, "5.7.1", $"{parts.Local}@{Domain} is a school list and does not accept mail from outside");
        }

        if (graph.FindByLogin(parts.Local) is not { } recipient)
        {
            return ProvidedList(parts.Local, null) is not null
                ? PolicyDecision.Refuse(550, "5.7.1", $"{parts.Local}@{Domain} is a school list and does not accept mail from outside")
                : PolicyDecision.Refuse(550, "5.1.1", $"{parts.Local}@{Domain}: no such mailbox");
        }

        if (!recipient.CanReceive)
        {
            return PolicyDecision.Refuse(550, "5.2.1", $"{recipient.Login} is {Describe(recipient.State)} and receives no mail");
        }

        if (recipient.Profile == Profile.Eleve && !ExternalOpenFor(graph, recipient))
        {
            return PolicyDecision.Refuse(550, "5.7.1", $"{recipient.Login} is a pupil and does not receive mail from outside the school (external mail is closed)");
        }

        return PolicyDecision.Accept([new LocalRecipient(recipient, Domain)]);
    }

    /// <summary>May the server itself (a plugin sending as the system) write to <paramref name="address"/>?
    /// The system may write to any account that receives mail, any list (members that receive mail)
    /// and outside addresses; the sending rules do not apply, the recipient limit still does.</summary>
    public PolicyDecision DecideSystem(string address)
    {
        if (SplitAddress(address) is not { } parts)
        {
            return PolicyDecision.Refuse(501, "5.1.3", $"'{address}' is not a valid address");
        }

        if (!string.Equals(parts.Domain, Domain, StringComparison.OrdinalIgnoreCase))
        {
            return PolicyDecision.Accept([new ExternalRecipient(address)]);
        }

        var graph = _graph();
        if (ListAddress.TryParse(parts.Local, out var list))
        {
            var members = Expand(graph, list, out _);
            return members is null
                ? PolicyDecision.Refuse(550, "5.1.1", $"{list.LocalPart}@{Domain}: no such list")
                : Members(graph, null, list.LocalPart, members);
        }

        if (graph.FindByLogin(parts.Local) is not { } recipient)
        {
            return DecideProvidedList(graph, null, parts.Local)
                ?? PolicyDecision.Refuse(550, "5.1.1", $"{parts.Local}@{Domain}: no such mailbox");
        }

        return recipient.CanReceive
            ? PolicyDecision.Accept([new LocalRecipient(recipient, Domain)])
            : PolicyDecision.Refuse(550, "5.2.1", $"{recipient.Login} is {Describe(recipient.State)} and receives no mail");
    }

    /// <summary>Null when some rule lets <paramref name="sender"/> write to <paramref name="recipient"/>;
    /// otherwise the refusal text, naming the rules that would have applied.</summary>
    public string? CheckRules(EstablishmentGraph graph, Account sender, Account recipient)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(recipient);
        if (sender.Id == recipient.Id)
        {
            return null;
        }

        var rules = _settings().Rules;
        List<SendingRule>? near = null;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (!rule.From.Matches(sender) || !rule.To.Matches(recipient))
            {
                continue;
            }

            if (graph.Holds(rule.Relation, sender, recipient))
            {
                return null;
            }

            (near ??= []).Add(rule);
        }

        var why = near is null
            ? $"no rule lets {Label(sender)} write to {Label(recipient)}"
            : string.Join("; ", near.Select(r => $"{r.Description} ({r.Id})"));
        return $"{sender.Login} may not write to {recipient.Login}: {why}";
    }

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
                ? PolicyDecision.Refuse(451, "4.3.0", $"list {list.Name} is unavailable: {why}")
                : PolicyDecision.Refuse(550, "5.7.1", $"{sender?.Login ?? "the system"} may not use the list {list.Name}: {why}");
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
                return PolicyDecision.Refuse(550, "5.7.1", $"list {listName}: {refusal}");
            }

            recipients.Add(new LocalRecipient(member, Domain));
        }

        return PolicyDecision.Accept(recipients, $"list {listName}: {recipients.Count} recipients");
    }

    private PolicyDecision DecideExternal(Account sender, string address)
    {
        if (sender.Profile != Profile.Eleve || ExternalOpenFor(_graph(), sender))
        {
            return PolicyDecision.Accept([new ExternalRecipient(address)]);
        }

        return PolicyDecision.Refuse(550, "5.7.1", $"{sender.Login} may not write outside the school: external mail is closed for pupils");
    }

    private PolicyDecision DecideList(EstablishmentGraph graph, Account sender, ListAddress list)
    {
        var members = Expand(graph, list, out var structureCode);
        if (members is null)
        {
            return PolicyDecision.Refuse(550, "5.1.1", $"{list.LocalPart}@{Domain}: no such list");
        }

        var listRules = _settings().ListRules.Where(r => r.From.Matches(sender) && r.Lists.Contains(list.Kind)).ToArray();
        if (!listRules.Any(r => InScope(graph, sender, r.Scope, list.Kind, structureCode ?? list.Key)))
        {
            var why = listRules.Length == 0
                ? $"no list rule lets {Label(sender)} use {list.Kind} lists"
                : string.Join("; ", listRules.Select(r => $"{r.Description} ({r.Id})"));
            return PolicyDecision.Refuse(550, "5.7.1", $"{sender.Login} may not use the list {list.LocalPart}: {why}");
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
                return PolicyDecision.Refuse(550, "5.7.1", $"list {list.LocalPart}: {refusal}");
            }

            recipients.Add(new LocalRecipient(member, Domain));
        }

        return PolicyDecision.Accept(recipients, $"list {list.LocalPart}: {recipients.Count} recipients");
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

    private bool ExternalOpenFor(EstablishmentGraph graph, Account pupil)
    {
        var state = _state();
        if (state.ExternalOpenForAllPupils)
        {
            return true;
        }

        if (graph.ClassOf(pupil.Id) is not { } classCode)
        {
            return false;
        }

        if (state.ExternalOpenClasses.Contains(classCode, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        return graph.FindStructure(classCode)?.LevelCode is { } level
            && state.ExternalOpenLevels.Contains(level, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Splits an address into local part and domain; null when it is not an address.</summary>
    public static (string Local, string Domain)? SplitAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || address.AsSpan().ContainsAny(" \t\r\n<>,;\"\\"))
        {
            return null;
        }

        return (address[..at], address[(at + 1)..]);
    }

    private static string Label(Account account) => account.Function == StaffFunction.None
        ? account.Profile.ToString()
        : $"{account.Profile} ({account.Function})";

    private static string Describe(AccountState state) => state switch
    {
        AccountState.Suspended => "suspended",
        AccountState.Left => "no longer in the school",
        AccountState.NotActivated => "not activated",
        _ => "active",
    };
}
