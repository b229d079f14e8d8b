namespace Preau.Core.Rights;

/// <summary>An administrator's change to a right's default grants: <paramref name="Granted"/> true adds
/// the grantee, false takes a default grantee away. Kept by right name, so it survives a plugin being
/// disabled, upgraded or not yet installed.</summary>
/// <param name="Right">"cahier-de-textes.read-all".</param>
/// <param name="Grantee">Who.</param>
/// <param name="Granted">Whether the grantee holds the right.</param>
/// <param name="ChangedBy">Who changed it.</param>
/// <param name="ChangedAt">When.</param>
public sealed record GrantOverride(string Right, Grantee Grantee, bool Granted, string ChangedBy, DateTimeOffset ChangedAt);
