using Preau.Core.Accounts;
using Preau.Core.Auth;
using Preau.Core.Graph;

namespace Preau.Core.Directory;

/// <summary>The administrator's account screens: search, create (login derived from the names, initial
/// password from the CSPRNG), suspend, reactivate and reset a password. Every change goes through
/// <see cref="DirectoryService"/>, which saves it, audits it and publishes a new graph snapshot; a
/// suspended account loses its logins at once (the credential cache is dropped, web sessions end at
/// their next request, IMAP and SMTP refuse the login).</summary>
/// <remarks>Who may call this is decided by the caller (the HTTP API requires
/// <see cref="Rights.CoreRights.AdminAccounts"/>; the CLI is the server's operator).</remarks>
public sealed class AccountAdministration
{
    /// <summary>Largest page.</summary>
    public const int MaxLimit = 500;

    /// <summary>Longest first or last name.</summary>
    public const int MaxNameLength = 100;

    private readonly DirectoryService _directory;

    /// <summary>Creates the service.</summary>
    public AccountAdministration(DirectoryService directory) =>
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));

    /// <summary>Accounts matching <paramref name="query"/>, one page, by last name, first name and login.</summary>
    /// <exception cref="DirectoryException">Unknown class or group, or paging out of bounds.</exception>
    public AccountPage Search(AccountQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Offset < 0 || query.Limit < 1 || query.Limit > MaxLimit)
        {
            throw new DirectoryException($"Pagination invalide : « offset » ≥ 0 et « limit » de 1 à {MaxLimit}.");
        }

        var graph = _directory.Graph;
        IEnumerable<Account> accounts = graph.Data.Accounts;
        if (query.Profile is { } profile)
        {
            accounts = accounts.Where(a => a.Profile == profile);
        }

        if (query.State is { } state)
        {
            accounts = accounts.Where(a => a.State == state);
        }

        if (!string.IsNullOrWhiteSpace(query.ClassCode))
        {
            var structure = graph.FindStructure(query.ClassCode.Trim())
                ?? throw new DirectoryException($"Aucune classe ni aucun groupe « {query.ClassCode.Trim()} ».");
            var pupils = graph.PupilsOf(structure.Code);
            var members = pupils.Concat(graph.TeachersOf(structure.Code)).Concat(pupils.SelectMany(graph.ParentsOf)).ToHashSet(StringComparer.Ordinal);
            accounts = accounts.Where(a => members.Contains(a.Id));
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var folded = Slug.Fold(query.Text);
            if (folded.Length > 0)
            {
                accounts = accounts.Where(a => Matches(a, folded));
            }
        }

        var matching = accounts
            .OrderBy(a => a.LastName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(a => a.FirstName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(a => a.Login, StringComparer.Ordinal)
            .ToArray();
        var page = matching.Skip(query.Offset).Take(query.Limit).Select(a => new AccountRow(a, ClassesOf(graph, a))).ToArray();
        return new AccountPage(matching.Length, page);
    }

    /// <summary>The classes and groups an account is tied to (see <see cref="AccountRow.Classes"/>).</summary>
    public static IReadOnlyList<string> ClassesOf(EstablishmentGraph graph, Account account)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(account);
        IEnumerable<string> codes = account.Profile switch
        {
            Profile.Eleve => graph.StructuresOf(account.Id),
            Profile.Responsable => graph.ChildrenOf(account.Id).SelectMany(graph.StructuresOf),
            _ => graph.TaughtBy(account.Id),
        };
        return codes
            .Select(graph.FindStructure)
            .OfType<Structure>()
            .DistinctBy(s => s.Code, StringComparer.OrdinalIgnoreCase)
            .OrderBy(s => s.Kind)
            .ThenBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => s.Code)
            .ToArray();
    }

    /// <summary>Creates an active account with a generated password.</summary>
    /// <exception cref="DirectoryException">Names missing or invalid, login invalid or taken, a function
    /// given to a pupil or a parent.</exception>
    public CreatedAccount Create(NewAccount request, string actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        var first = CheckName(request.FirstName, "prénom");
        var last = CheckName(request.LastName, "nom");
        if (!Enum.IsDefined(request.Profile) || !Enum.IsDefined(request.Function))
        {
            throw new DirectoryException("Profil ou fonction inconnus.");
        }

        if (request.Function != StaffFunction.None && request.Profile is Profile.Eleve or Profile.Responsable)
        {
            throw new DirectoryException("Une fonction ne s'applique qu'aux personnels (enseignants, personnels, administrateurs).");
        }

        string? wanted = null;
        if (!string.IsNullOrWhiteSpace(request.Login))
        {
            wanted = request.Login.Trim().ToLowerInvariant();
            if (LoginRules.Problem(wanted) is { } problem)
            {
                throw new DirectoryException(problem);
            }
        }

        var stem = wanted ?? LoginRules.Stem(first, last)
            ?? throw new DirectoryException("Le prénom et le nom doivent contenir des lettres pour former l'identifiant.");
        if (wanted is null && LoginRules.Problem(stem) is { } stemProblem)
        {
            throw new DirectoryException($"{stemProblem} Indiquez un identifiant.");
        }

        var password = PasswordGenerator.New();
        var uai = _directory.Graph.Data.Establishments.FirstOrDefault()?.Uai ?? "0000000A";

        // Two administrators may derive the same stem at once: the directory refuses the second, which
        // then takes the next number.
        for (var attempt = 0; ; attempt++)
        {
            var login = wanted ?? LoginRules.FirstFree(stem, l => _directory.Graph.FindByLogin(l) is not null);
            if (wanted is not null && _directory.Graph.FindByLogin(login) is not null)
            {
                throw new DirectoryException($"L'identifiant « {login} » est déjà pris.");
            }

            var account = new Account
            {
                Id = "acc-" + Guid.CreateVersion7().ToString("N")[..20],
                Login = login,
                FirstName = first,
                LastName = last,
                DisplayName = $"{first} {last}",
                Profile = request.Profile,
                Function = request.Function,
                State = AccountState.Active,
                Uai = uai,
            };
            try
            {
                return new CreatedAccount(_directory.AddAccount(account, password, actor), password);
            }
            catch (DirectoryException) when (_directory.Graph.FindByLogin(login) is not null && attempt < 10)
            {
                if (wanted is not null)
                {
                    throw new DirectoryException($"L'identifiant « {login} » est déjà pris.");
                }
            }
        }
    }

    /// <summary>Suspends an account: no login, no sending, mail to it refused.</summary>
    /// <exception cref="DirectoryException">No such account (<see cref="DirectoryException.NotFound"/>).</exception>
    public Account Suspend(string login, string actor)
    {
        var account = Require(login);
        return account.State == AccountState.Suspended ? account : _directory.SetState(account.Login, AccountState.Suspended, actor);
    }

    /// <summary>Makes a suspended (or departed) account active again; its password is unchanged.</summary>
    /// <exception cref="DirectoryException">No such account, or one never activated (give it a password instead).</exception>
    public Account Reactivate(string login, string actor)
    {
        var account = Require(login);
        if (account.State == AccountState.NotActivated)
        {
            throw new DirectoryException($"{account.Login} n'a jamais été activé : réinitialisez son mot de passe pour l'activer.");
        }

        return account.State == AccountState.Active ? account : _directory.SetState(account.Login, AccountState.Active, actor);
    }

    /// <summary>Gives an account a new generated password (activating an account never activated);
    /// returns it, to hand to the owner. Sessions opened with the old one end.</summary>
    /// <exception cref="DirectoryException">No such account.</exception>
    public string ResetPassword(string login, string actor)
    {
        var account = Require(login);
        var password = PasswordGenerator.New();
        _directory.SetPassword(account.Login, password, actor);
        return password;
    }

    /// <summary>The account, or a <see cref="DirectoryException"/> marked <see cref="DirectoryException.NotFound"/>.</summary>
    public Account Require(string login) =>
        _directory.Find((login ?? "").Trim().ToLowerInvariant())
        ?? throw new DirectoryException($"Aucun compte « {login} ».") { NotFound = true };

    private static bool Matches(Account a, string folded) =>
        Slug.Fold(a.Login).Contains(folded, StringComparison.Ordinal)
        || Slug.Fold(a.DisplayName).Contains(folded, StringComparison.Ordinal)
        || Slug.Fold($"{a.FirstName} {a.LastName}").Contains(folded, StringComparison.Ordinal)
        || Slug.Fold($"{a.LastName} {a.FirstName}").Contains(folded, StringComparison.Ordinal);

    private static string CheckName(string? name, string what)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxNameLength || trimmed.Any(char.IsControl))
        {
            throw new DirectoryException($"Le {what} est obligatoire (au plus {MaxNameLength} caractères).");
        }

        return trimmed;
    }
}
