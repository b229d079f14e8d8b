namespace Preau.Core.Rights;

/// <summary>One thing a service lets people do, granted by default to <paramref name="DefaultGrants"/>.</summary>
/// <param name="Id">Local to the service ("read-all"); the full right is <c>&lt;serviceId&gt;.&lt;actionId&gt;</c>.
/// Lower-case letters, digits and single dashes.</param>
/// <param name="Label">French label ("Lire le cahier de textes de tous les enseignants").</param>
/// <param name="DefaultGrants">Who holds the right until an administrator changes it.</param>
/// <param name="Description">A French sentence for the administrator, if the label is not enough.</param>
public sealed record ServiceAction(string Id, string Label, IReadOnlyList<Grantee> DefaultGrants, string? Description = null);
