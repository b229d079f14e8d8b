namespace Preau.Server.Cli;

/// <summary>A verb's arguments: positionals, <c>--option value</c> pairs and bare <c>--flags</c>.</summary>
public sealed class CliArgs
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "json", "all", "demo", "help", "purge" };
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _flags = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses the words after the verb.</summary>
    public CliArgs(IEnumerable<string> words)
    {
        using var e = (words ?? throw new ArgumentNullException(nameof(words))).GetEnumerator();
        while (e.MoveNext())
        {
            var word = e.Current;
            if (word.StartsWith("--", StringComparison.Ordinal) && word.Length > 2)
            {
                var name = word[2..];
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    _options[name[..eq]] = name[(eq + 1)..];
                }
                else if (Flags.Contains(name))
                {
                    _flags.Add(name);
                }
                else if (e.MoveNext())
                {
                    _options[name] = e.Current;
                }
                else
                {
                    throw new CliException($"option --{name} needs a value");
                }
            }
            else
            {
                Positionals.Add(word);
            }
        }
    }

    /// <summary>Words that are not options.</summary>
    public List<string> Positionals { get; } = [];

    /// <summary>An option's value, if given.</summary>
    public string? Option(string name) => _options.GetValueOrDefault(name);

    /// <summary>Whether a flag was given.</summary>
    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>The positional at <paramref name="index"/>, or a usage error naming it.</summary>
    public string Required(int index, string what) =>
        index < Positionals.Count ? Positionals[index] : throw new CliException($"missing {what}");

    /// <summary>Parses an enum option case-insensitively, with a helpful error.</summary>
    public static T ParseEnum<T>(string value, string what)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var result) && Enum.IsDefined(result)
            ? result
            : throw new CliException($"unknown {what} '{value}' (one of: {string.Join(", ", Enum.GetNames<T>())})");
}

/// <summary>A usage or domain error shown to the administrator as is; exit code 2.</summary>
public sealed class CliException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CliException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CliException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
