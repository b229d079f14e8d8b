namespace Preau.Core.Policy;

// The rule table as words: what the admin API and CLI exchange and what the store keeps. Names are the
// enum names (profiles "Eleve", relations "SameClass", …), so the shape is the one of preau.json;
// PolicyInputParser turns it into the typed table, refusing anything unknown with a French reason.

/// <summary>One side of a rule.</summary>
/// <param name="Profiles">Profile names; empty or null for every profile.</param>
/// <param name="Functions">Staff function names; empty or null for every function.</param>
public sealed record SelectorInput(IReadOnlyList<string>? Profiles, IReadOnlyList<string>? Functions);

/// <summary>A sending rule.</summary>
/// <param name="Id">Short stable name: lower-case letters, digits and dashes.</param>
/// <param name="From">Senders.</param>
/// <param name="To">Recipients.</param>
/// <param name="Relation">A <see cref="Policy.Relation"/> name.</param>
/// <param name="Description">The rule in words, quoted in refusals.</param>
public sealed record RuleInput(string? Id, SelectorInput? From, SelectorInput? To, string? Relation, string? Description);

/// <summary>A list rule.</summary>
/// <param name="Id">Short stable name.</param>
/// <param name="From">Senders.</param>
/// <param name="Lists"><see cref="ListKind"/> names.</param>
/// <param name="Scope">A <see cref="ListScope"/> name.</param>
/// <param name="Description">The rule in words.</param>
public sealed record ListRuleInput(string? Id, SelectorInput? From, IReadOnlyList<string>? Lists, string? Scope, string? Description);

/// <summary>The send rate limit of one profile; a count of zero means no limit on it.</summary>
/// <param name="Profile">A profile name.</param>
/// <param name="Messages">Messages per window.</param>
/// <param name="MessageWindowMinutes">The message window, in minutes.</param>
/// <param name="Recipients">Recipients (after list expansion) per window.</param>
/// <param name="RecipientWindowMinutes">The recipient window, in minutes.</param>
public sealed record RateLimitInput(string? Profile, int Messages, int MessageWindowMinutes, int Recipients, int RecipientWindowMinutes);
