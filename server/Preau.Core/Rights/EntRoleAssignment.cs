namespace Preau.Core.Rights;

/// <summary>An account holding an <see cref="EntRole"/> in one school.</summary>
/// <param name="Uai">The school.</param>
/// <param name="Role">The role.</param>
/// <param name="AccountId">The account's stable id.</param>
/// <param name="Login">Its login when assigned (shown; the id is what counts).</param>
/// <param name="AssignedBy">Who assigned it.</param>
/// <param name="AssignedAt">When.</param>
public sealed record EntRoleAssignment(string Uai, EntRole Role, string AccountId, string Login, string AssignedBy, DateTimeOffset AssignedAt)
{
    /// <summary>The role's French label.</summary>
    public string RoleLabel => RightsLabels.Of(Role);
}
