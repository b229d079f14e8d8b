using System.Text.Json;

namespace Preau.Plugins.Directory.Plugin.Actions;

/// <summary>The body of <c>PATCH people/{id}</c>: for each field given, a new value, or null to give the
/// field back to the feed (a name or function set by hand returns to the value it replaced; the
/// display name becomes « Prénom Nom » again). Fields not given are unchanged.</summary>
public sealed class ProfileEdit
{
    /// <summary>Longest name or display name.</summary>
    public const int MaxLength = 100;

    private ProfileEdit(IReadOnlyDictionary<string, string?> fields) => Fields = fields;

    /// <summary>Field (<c>displayName</c>, <c>firstName</c>, <c>lastName</c>, <c>function</c>) → value,
    /// trimmed, or null to clear.</summary>
    public IReadOnlyDictionary<string, string?> Fields { get; }

    /// <summary>Parses a body; null with <paramref name="error"/> (French) when it is not an object of
    /// known fields with string or null values, or a name is empty, too long or holds control characters.</summary>
    public static ProfileEdit? Parse(JsonElement body, out string error)
    {
        error = "";
        if (body.ValueKind != JsonValueKind.Object)
        {
            error = $"Envoyez un objet JSON avec les champs à modifier ({string.Join(", ", ManualFieldStore.Fields)}).";
            return null;
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (!ManualFieldStore.Fields.Contains(property.Name))
            {
                error = $"Champ inconnu « {property.Name} » (champs modifiables : {string.Join(", ", ManualFieldStore.Fields)}).";
                return null;
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                fields[property.Name] = null;
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.String)
            {
                error = $"« {property.Name} » doit être un texte, ou null pour revenir à la valeur des fichiers.";
                return null;
            }

            var value = property.Value.GetString()!.Trim();
            if (value.Length == 0 || value.Length > MaxLength || value.Any(char.IsControl))
            {
                error = $"« {property.Name} » doit faire de 1 à {MaxLength} caractères, sans caractère de contrôle.";
                return null;
            }

            fields[property.Name] = value;
        }

        return new ProfileEdit(fields);
    }
}
