namespace Preau.Core.Rights;

/// <summary>One cell of the matrix: whether a grantee holds an action's right, and whether that is the
/// declared default or an administrator's change.</summary>
/// <param name="Grantee">Who.</param>
/// <param name="Granted">Whether the grantee holds the right now.</param>
/// <param name="Default">Whether the declaration grants it by default.</param>
/// <param name="Overridden">Whether an administrator changed the default (then <paramref name="Granted"/> differs from <paramref name="Default"/>).</param>
public sealed record MatrixGrant(Grantee Grantee, bool Granted, bool Default, bool Overridden);

/// <summary>An action in the matrix: every profile and function (granted or not, so each decision is
/// visible and switchable), plus the accounts that hold it by name.</summary>
/// <param name="Right">The full right, "messagerie.send".</param>
/// <param name="Action">The declaration.</param>
/// <param name="Grants">The cells.</param>
public sealed record MatrixAction(string Right, ServiceAction Action, IReadOnlyList<MatrixGrant> Grants);

/// <summary>A service in the matrix.</summary>
/// <param name="Id">The service id.</param>
/// <param name="Label">French label.</param>
/// <param name="Owner">"core" or the plugin id.</param>
/// <param name="Installed">False for a school decision whose plugin is not installed yet.</param>
/// <param name="Actions">Its actions.</param>
public sealed record MatrixService(string Id, string Label, string Owner, bool Installed, IReadOnlyList<MatrixAction> Actions);
