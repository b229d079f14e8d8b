namespace Preau.Core.Rights;

// The school's ENT roles (Administrateur ENT, Référent numérique, Personne ressource au numérique).
public sealed partial class RightsService
{
    /// <summary>The recorded roles, by school, role and login; only one school's when <paramref name="uai"/> is given.</summary>
    public IReadOnlyList<EntRoleAssignment> Roles(string? uai = null) =>
        uai is null ? _snapshot.Roles : _snapshot.Roles.Where(r => string.Equals(r.Uai, uai, StringComparison.OrdinalIgnoreCase)).ToArray();

    /// <summary>Records that a staff account holds <paramref name="role"/> in a school (its own when
    /// <paramref name="uai"/> is null). Returns false when it already did.</summary>
    /// <exception cref="RightsException">Unknown account or school, or an account that is not staff.</exception>
    public bool AssignRole(string login, EntRole role, string? uai, string actor)
    {
        var account = FindAccount(login);
        if (!account.IsStaff)
        {
            throw new RightsException($"{account.Login} n'est pas un personnel de l'établissement : le rôle {RightsLabels.Of(role)} revient à un enseignant, un personnel ou un administrateur");
        }

        var school = School(uai ?? account.Uai);
        if (!Enum.IsDefined(role))
        {
            throw new RightsException($"rôle inconnu {role}");
        }

        var assignment = new EntRoleAssignment(school, role, account.Id, account.Login, actor, _time.GetUtcNow());
        lock (_lock)
        {
            if (_roles.Any(r => r.Uai == school && r.Role == role && r.AccountId == account.Id))
            {
                return false;
            }

            _store.SaveRoleAssignment(assignment);
            _roles.Add(assignment);
            Rebuild();
        }

        Audit(actor, "roles.assign", $"{RightsLabels.Of(role)} : {account.Login} ({school})");
        return true;
    }

    /// <summary>Removes a role from an account in a school (its own when <paramref name="uai"/> is null).</summary>
    /// <exception cref="RightsException">The account does not hold that role there (<see cref="RightsException.NotFound"/>).</exception>
    public void UnassignRole(string login, EntRole role, string? uai, string actor)
    {
        var key = (login ?? "").Trim().ToLowerInvariant();
        EntRoleAssignment assignment;
        lock (_lock)
        {
            var accountId = _graph().FindByLogin(key)?.Id;
            assignment = _roles.FirstOrDefault(r => r.Role == role
                && (r.AccountId == accountId || r.Login == key)
                && (uai is null || string.Equals(r.Uai, uai, StringComparison.OrdinalIgnoreCase)))
                ?? throw new RightsException($"{login} n'a pas le rôle {RightsLabels.Of(role)}{(uai is null ? "" : " dans " + uai)}") { NotFound = true };
            _store.DeleteRoleAssignment(assignment.Uai, assignment.Role, assignment.AccountId);
            _roles.Remove(assignment);
            Rebuild();
        }

        Audit(actor, "roles.unassign", $"{RightsLabels.Of(role)} : {assignment.Login} ({assignment.Uai}) retiré");
    }

    /// <summary>Parses a role: its name (<c>ReferentNumerique</c>), its label (<c>Référent numérique</c>) or a
    /// dashed form (<c>referent-numerique</c>), case and accents ignored.</summary>
    /// <exception cref="RightsException">No such role.</exception>
    public static EntRole ParseRole(string text)
    {
        var key = Fold(text);
        foreach (var role in Enum.GetValues<EntRole>())
        {
            if (key == Fold(role.ToString()) || key == Fold(RightsLabels.Of(role)))
            {
                return role;
            }
        }

        throw new RightsException($"rôle inconnu « {text} » (au choix : {string.Join(", ", Enum.GetNames<EntRole>())})");
    }

    private string School(string uai)
    {
        var establishments = _graph().Data.Establishments;
        var found = establishments.FirstOrDefault(e => string.Equals(e.Uai, uai, StringComparison.OrdinalIgnoreCase));
        return found?.Uai ?? (establishments.Count == 0 ? uai : throw new RightsException($"aucun établissement {uai}") { NotFound = true });
    }

    private static string Fold(string text) =>
        new(Graph.Slug.Fold(text ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
