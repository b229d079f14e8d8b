using Preau.Core.Accounts;
using Preau.Core.Auth;
using Preau.Core.Graph;
using Preau.Core.Storage;

namespace Preau.Core.Directory;

/// <summary>Owns the establishment graph: the current immutable snapshot for readers, and the
/// administrative changes to accounts, each saved, audited and followed by a new snapshot.</summary>
public sealed partial class DirectoryService
{
    private readonly IDirectoryStore _store;
    private readonly IMailStore _mail;
    private readonly IAuditLog _audit;
    private readonly PasswordHasher _hasher;
    private readonly CredentialCache _credentials;
    private readonly TimeProvider _time;
    private readonly Lock _writeLock = new();
    private volatile EstablishmentGraph _graph;

    /// <summary>Loads the graph from the store.</summary>
    public DirectoryService(
        string domain,
        IDirectoryStore store,
        IMailStore mail,
        IAuditLog audit,
        PasswordHasher hasher,
        CredentialCache credentials,
        TimeProvider time)
    {
        Domain = domain;
        _store = store;
        _mail = mail;
        _audit = audit;
        _hasher = hasher;
        _credentials = credentials;
        _time = time;
        _graph = EstablishmentGraph.Build(store.Load());
    }

    /// <summary>The school's mail domain.</summary>
    public string Domain { get; }

    /// <summary>The current snapshot.</summary>
    public EstablishmentGraph Graph => _graph;

    /// <summary>The address of an account.</summary>
    public string AddressOf(Account account) => $"{account?.Login}@{Domain}";

    /// <summary>The account with this login or local address, if any.</summary>
    public Account? Find(string loginOrAddress)
    {
        ArgumentNullException.ThrowIfNull(loginOrAddress);
        var at = loginOrAddress.LastIndexOf('@');
        if (at < 0)
        {
            return _graph.FindByLogin(loginOrAddress);
        }

        return string.Equals(loginOrAddress[(at + 1)..], Domain, StringComparison.OrdinalIgnoreCase)
            ? _graph.FindByLogin(loginOrAddress[..at])
            : null;
    }

    /// <summary>Imports a whole graph (demo seeding, directory feeds). Mailboxes are not created
    /// here: the first delivery or login creates an account's default set, so an import of
    /// thousands of accounts costs one transaction, not thousands.</summary>
    public void Import(GraphData data, string actor) => Import(data, [], actor);

    /// <summary>Imports a graph as <see cref="Import(GraphData, string)"/>, deleting in the same
    /// transaction the classes and groups named in <paramref name="removedStructures"/> with their
    /// memberships and teachings (their lists and the relations the policy reads go at once). Each
    /// deletion is audited (<c>structure.remove</c>).</summary>
    /// <exception cref="DirectoryException">A code names no class or group.</exception>
    public void Import(GraphData data, IReadOnlyCollection<string> removedStructures, string actor)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(removedStructures);
        var removals = new List<string>(removedStructures.Count);
        var removedCodes = new List<string>(removedStructures.Count);
        lock (_writeLock)
        {
            var graph = _graph;
            foreach (var code in removedStructures.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var structure = graph.FindStructure(code) ?? throw new DirectoryException($"no class or group '{code}'");
                removals.Add($"{structure.Code} ({structure.Kind}, « {structure.Name} »): {graph.PupilsOf(structure.Code).Count} pupil(s), {graph.TeachersOf(structure.Code).Count} teacher(s)");
                removedCodes.Add(structure.Code);
            }

            _store.Import(data, removedStructures);
            Reload();
        }

        Audit(actor, "directory.import", $"{data.Accounts.Count} accounts, {data.Structures.Count} structures");
        foreach (var removal in removals)
        {
            Audit(actor, "structure.remove", removal);
        }

        if (removedCodes.Count > 0)
        {
            StructuresRemoved?.Invoke(removedCodes, actor);
        }
    }

    /// <summary>Raised after an import deleted classes or groups (their codes, the actor): what keeps a
    /// setting naming a class (an external-mail opening) from passing to a later class of that code.</summary>
    public event Action<IReadOnlyList<string>, string>? StructuresRemoved;

    /// <summary>Creates an account with its mailboxes. Fails when the login is taken.</summary>
    public Account AddAccount(Account account, string? password, string actor)
    {
        ArgumentNullException.ThrowIfNull(account);
        ValidateLogin(account.Login);
        lock (_writeLock)
        {
            if (_graph.FindByLogin(account.Login) is not null)
            {
                throw new DirectoryException($"login '{account.Login}' is already taken");
            }

            var saved = password is null ? account : account with { PasswordHash = _hasher.Hash(password) };
            _store.SaveAccount(saved);
            _mail.EnsureDefaultMailboxes(saved.Id);
            Reload();
            Audit(actor, "account.add", $"{saved.Login} ({saved.Profile})");
            return saved;
        }
    }

    /// <summary>Changes an account's state (suspend, reactivate…).</summary>
    public Account SetState(string login, AccountState state, string actor)
    {
        var updated = Update(login, a => a with { State = state });
        _credentials.Forget(updated.Login);
        Audit(actor, "account.state", $"{updated.Login} → {state}");
        return updated;
    }

    /// <summary>Sets a new password; an account not yet activated becomes active.</summary>
    public Account SetPassword(string login, string password, string actor)
    {
        if (string.IsNullOrEmpty(password) || password.Length < 4)
        {
            throw new DirectoryException("the password must have at least 4 characters");
        }

        var hash = _hasher.Hash(password);
        var updated = Update(login, a => a with
        {
            PasswordHash = hash,
            State = a.State == AccountState.NotActivated ? AccountState.Active : a.State,
        });
        _credentials.Forget(updated.Login);
        Audit(actor, "account.passwd", updated.Login);
        return updated;
    }

    /// <summary>Sets or clears the outside address told about new mail.</summary>
    public Account SetNotificationAddress(string login, string? address, string actor)
    {
        var updated = Update(login, a => a with { NotificationAddress = string.IsNullOrWhiteSpace(address) ? null : address.Trim() });
        Audit(actor, "account.notification", $"{updated.Login} → {updated.NotificationAddress ?? "none"}");
        return updated;
    }

    /// <summary>Gives an account its own storage quota in octets (0: no limit), or back its
    /// profile's default with null.</summary>
    public Account SetQuota(string login, long? quotaBytes, string actor)
    {
        if (quotaBytes < 0)
        {
            throw new DirectoryException("a quota cannot be negative");
        }

        var updated = Update(login, a => a with { QuotaBytes = quotaBytes });
        Audit(actor, "account.quota", $"{updated.Login} → {quotaBytes switch { null => "default", 0 => "unlimited", var b => b.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) }}");
        return updated;
    }

    private Account Update(string login, Func<Account, Account> change)
    {
        lock (_writeLock)
        {
            var account = Find(login) ?? throw new DirectoryException($"no account '{login}'");
            var updated = change(account);
            _store.SaveAccount(updated);
            Reload();
            return updated;
        }
    }

    private void Reload() => _graph = EstablishmentGraph.Build(_store.Load());

    private void Audit(string actor, string action, string detail) =>
        _audit.Append(new AuditEntry(_time.GetUtcNow(), actor, action, detail));

    /// <summary>Throws unless <paramref name="login"/> is a valid login: lower-case letters, digits,
    /// dots, dashes; not shaped like a list address.</summary>
    public static void ValidateLogin(string login)
    {
        if (string.IsNullOrEmpty(login) || login.Length > 64
            || !login.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_')
            || login[0] == '.' || login[^1] == '.' || login.Contains("..", StringComparison.Ordinal))
        {
            throw new DirectoryException($"'{login}' is not a valid login (lower-case letters, digits, '.', '-', '_')");
        }

        if (Policy.ListAddress.TryParse(login, out _))
        {
            throw new DirectoryException($"'{login}' is reserved for list addresses");
        }
    }
}
