namespace Preau.Core.Policy;

/// <summary>One row of the rule table: senders selected by <paramref name="From"/> may write to
/// recipients selected by <paramref name="To"/> that stand in <paramref name="Relation"/> to them.</summary>
/// <param name="Id">Short stable name, quoted in refusals and in <c>preau policy show</c>.</param>
/// <param name="Description">The rule in words, quoted in refusals ("les élèves écrivent à leurs propres parents").</param>
public sealed record SendingRule(
    string Id,
    ProfileSelector From,
    ProfileSelector To,
    Relation Relation,
    string Description);
