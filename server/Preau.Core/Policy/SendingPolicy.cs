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
public sealed partial class SendingPolicy
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
            return PolicyDecision.Refuse(550, "5.7.1", PolicyText.MayNotSend(sender));
        }

        if (sender.Profile == Profile.Eleve && _state().PupilSendingStopped)
        {
            return PolicyDecision.Refuse(550, "5.7.1", PolicyText.EmergencyStop);
        }

        return PolicyDecision.AcceptSender();
    }

    /// <summary>May <paramref name="sender"/> write to <paramref name="address"/>? Expands list addresses.</summary>
    public PolicyDecision Decide(Account sender, string address)
    {
        ArgumentNullException.ThrowIfNull(sender);
        if (SplitAddress(address) is not { } parts)
        {
            return PolicyDecision.Refuse(501, "5.1.3", PolicyText.InvalidAddress(address));
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
                ?? PolicyDecision.Refuse(550, "5.1.1", PolicyText.NoSuchMailbox($"{parts.Local}@{Domain}"));
        }

        if (!recipient.CanReceive)
        {
            return PolicyDecision.Refuse(550, "5.2.1", PolicyText.ReceivesNoMail(recipient));
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
            return PolicyDecision.Refuse(501, "5.1.3", PolicyText.InvalidAddress(address));
        }

        if (!string.Equals(parts.Domain, Domain, StringComparison.OrdinalIgnoreCase))
        {
            return PolicyDecision.Refuse(550, "5.7.1", PolicyText.RelayDenied(parts.Domain, Domain));
        }

        var graph = _graph();
        if (ListAddress.TryParse(parts.Local, out _))
        {
            return PolicyDecision.Refuse(550, "5.7.1", PolicyText.ListClosedToOutside($"{parts.Local}@{Domain}"));
        }

        if (graph.FindByLogin(parts.Local) is not { } recipient)
        {
            return ProvidedList(parts.Local, null) is not null
                ? PolicyDecision.Refuse(550, "5.7.1", PolicyText.ListClosedToOutside($"{parts.Local}@{Domain}"))
                : PolicyDecision.Refuse(550, "5.1.1", PolicyText.NoSuchMailbox($"{parts.Local}@{Domain}"));
        }

        if (!recipient.CanReceive)
        {
            return PolicyDecision.Refuse(550, "5.2.1", PolicyText.ReceivesNoMail(recipient));
        }

        if (recipient.Profile == Profile.Eleve && !ExternalOpenFor(graph, recipient))
        {
            return PolicyDecision.Refuse(550, "5.7.1", PolicyText.PupilClosedToOutside(recipient));
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
            return PolicyDecision.Refuse(501, "5.1.3", PolicyText.InvalidAddress(address));
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
                ? PolicyDecision.Refuse(550, "5.1.1", PolicyText.NoSuchList($"{list.LocalPart}@{Domain}"))
                : Members(graph, null, list.LocalPart, members);
        }

        if (graph.FindByLogin(parts.Local) is not { } recipient)
        {
            return DecideProvidedList(graph, null, parts.Local)
                ?? PolicyDecision.Refuse(550, "5.1.1", PolicyText.NoSuchMailbox($"{parts.Local}@{Domain}"));
        }

        return recipient.CanReceive
            ? PolicyDecision.Accept([new LocalRecipient(recipient, Domain)])
            : PolicyDecision.Refuse(550, "5.2.1", PolicyText.ReceivesNoMail(recipient));
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

        return PolicyText.MayNotWrite(sender, recipient, near);
    }

    private PolicyDecision DecideExternal(Account sender, string address)
    {
        if (sender.Profile != Profile.Eleve || ExternalOpenFor(_graph(), sender))
        {
            return PolicyDecision.Accept([new ExternalRecipient(address)]);
        }

        return PolicyDecision.Refuse(550, "5.7.1", PolicyText.PupilMayNotWriteOutside(sender));
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
}
