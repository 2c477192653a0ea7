using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace IntervisieBot.Domain.Methods;

/// <summary>
/// Reads one method definition from JSON. Walks the document by hand rather than binding to classes so that it can
/// report every problem in a file at once, each with its JSON path, in words a person editing the file understands.
/// Text that is missing becomes empty here; <see cref="MethodValidator"/> reports it.
/// </summary>
internal static class MethodDefinitionReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        AllowDuplicateProperties = false,
    };

    public static MethodDefinition Read(string json, string sourceName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? $" at line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1}"
                : "";
            throw new MethodDefinitionException(sourceName, [$"not valid JSON{where}: {WithoutLocation(e.Message)}"]);
        }

        using (document)
        {
            var reader = new Reader();
            var definition = reader.Definition(document.RootElement);
            if (definition is null || reader.Errors.Count > 0)
            {
                throw new MethodDefinitionException(sourceName, reader.Errors);
            }

            return definition;
        }
    }

    // System.Text.Json appends "Path: ... | LineNumber: ..." to its messages; the location is given separately.
    private static string WithoutLocation(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var cutLine = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var end = new[] { cut, cutLine }.Where(index => index >= 0).DefaultIfEmpty(message.Length).Min();
        return message[..end].TrimEnd(' ', '|');
    }

    private sealed class Reader
    {
        private static readonly string[] DefinitionFields =
        [
            "id", "version", "name", "summary", "whenToUse", "aliases", "suitsQuestions", "alsoSuits",
            "minimumExperience", "requiresHighSafety", "duration", "steps",
        ];

        private static readonly string[] StepFields =
        [
            "id", "title", "instruction", "actor", "interaction", "phase", "timeboxMinutes", "collect", "choose", "round", "asksAction", "asksQuestions",
        ];

        // Stands in for a step that is not an object, so reading can go on and report the rest of the file.
        private static readonly MethodStep EmptyStep = new()
        {
            Id = "",
            Title = new LocalizedText("", ""),
            Instruction = new LocalizedText("", ""),
            Actor = StepActor.Everyone,
            Interaction = StepInteraction.Explain,
            Timebox = TimeSpan.Zero,
            Phase = MethodPhase.Core,
        };

        public List<string> Errors { get; } = [];

        public MethodDefinition? Definition(JsonElement root)
        {
            const string Path = "$";
            if (root.ValueKind != JsonValueKind.Object)
            {
                Errors.Add($"{Path}: expected an object with the method's fields, found {Describe(root.ValueKind)}");
                return null;
            }

            OnlyKnownFields(root, Path, DefinitionFields);
            return new MethodDefinition
            {
                Id = String(root, Path, "id"),
                Version = Int(root, Path, "version") ?? 0,
                Name = Text(root, Path, "name"),
                Summary = Text(root, Path, "summary"),
                WhenToUse = Text(root, Path, "whenToUse"),
                Aliases = List(root, Path, "aliases", required: true, ReadString),
                SuitsQuestions = List(root, Path, "suitsQuestions", required: true, ReadEnum<QuestionKind>),
                AlsoSuits = List(root, Path, "alsoSuits", required: false, ReadEnum<QuestionKind>),
                MinimumExperience = Enum<GroupExperience>(root, Path, "minimumExperience"),
                RequiresHighSafety = Bool(root, Path, "requiresHighSafety") ?? false,
                Duration = Duration(root, Path),
                Steps = List(root, Path, "steps", required: true, ReadStep),
            };
        }

        private MethodStep ReadStep(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Errors.Add($"{path}: expected a step object, found {Describe(element.ValueKind)}");
                return EmptyStep;
            }

            OnlyKnownFields(element, path, StepFields);
            return new MethodStep
            {
                Id = String(element, path, "id"),
                Title = Text(element, path, "title"),
                Instruction = Text(element, path, "instruction"),
                Actor = Enum<StepActor>(element, path, "actor"),
                Interaction = Enum<StepInteraction>(element, path, "interaction"),
                Phase = Enum<MethodPhase>(element, path, "phase"),
                Timebox = TimeSpan.FromMinutes(Int(element, path, "timeboxMinutes") ?? 0),
                Collect = Object(element, path, "collect", ReadCollect),
                Choose = Object(element, path, "choose", (settings, at) => new ChooseSettings(Prompt(settings, at))),
                Round = Object(element, path, "round", (settings, at) => new RoundSettings(Prompt(settings, at))),
                AsksAction = Bool(element, path, "asksAction") ?? false,
                AsksQuestions = Bool(element, path, "asksQuestions") ?? false,
            };
        }

        private CollectSettings ReadCollect(JsonElement element, string path)
        {
            OnlyKnownFields(element, path, ["perParticipant", "anonymous", "contribution", "prompt"]);
            return new CollectSettings(
                Int(element, path, "perParticipant") ?? 0,
                Bool(element, path, "anonymous") ?? Missing<bool>(path, "anonymous"),
                Enum<ContributionKind>(element, path, "contribution"),
                Text(element, path, "prompt"));
        }

        private LocalizedText Prompt(JsonElement element, string path)
        {
            OnlyKnownFields(element, path, ["prompt"]);
            return Text(element, path, "prompt");
        }

        private MethodDuration Duration(JsonElement parent, string path)
        {
            var duration = Object(parent, path, "duration", (element, at) =>
            {
                OnlyKnownFields(element, at, ["minMinutes", "maxMinutes"]);
                return MethodDuration.FromMinutes(Int(element, at, "minMinutes") ?? 0, Int(element, at, "maxMinutes") ?? 0);
            });
            return duration ?? Missing<MethodDuration>(path, "duration", MethodDuration.FromMinutes(0, 0));
        }

        private void OnlyKnownFields(JsonElement element, string path, string[] known)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!known.Contains(property.Name, StringComparer.Ordinal))
                {
                    Errors.Add($"{path}.{property.Name}: unknown field; expected one of {string.Join(", ", known)}");
                }
            }
        }

        private bool TryGet(JsonElement parent, string path, string name, JsonValueKind kind, bool required, out JsonElement value)
        {
            if (!parent.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Errors.Add($"{path}.{name}: missing");
                }

                return false;
            }

            var matches = value.ValueKind == kind
                || (kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False);
            if (!matches)
            {
                Errors.Add($"{path}.{name}: expected {Describe(kind)}, found {Describe(value.ValueKind)}");
                return false;
            }

            return true;
        }

        private string String(JsonElement parent, string path, string name) =>
            TryGet(parent, path, name, JsonValueKind.String, required: true, out var value) ? value.GetString() ?? "" : "";

        private int? Int(JsonElement parent, string path, string name)
        {
            if (!TryGet(parent, path, name, JsonValueKind.Number, required: true, out var value))
            {
                return null;
            }

            if (!value.TryGetInt32(out var number))
            {
                Errors.Add($"{path}.{name}: expected a whole number, found {value.GetRawText()}");
                return null;
            }

            return number;
        }

        private bool? Bool(JsonElement parent, string path, string name) =>
            TryGet(parent, path, name, JsonValueKind.True, required: false, out var value) ? value.GetBoolean() : null;

        private T Missing<T>(string path, string name, T fallback = default!)
        {
            Errors.Add($"{path}.{name}: missing");
            return fallback;
        }

        // Missing text (or one missing language) becomes empty, which the validator reports with the method's terms.
        private LocalizedText Text(JsonElement parent, string path, string name)
        {
            if (!TryGet(parent, path, name, JsonValueKind.Object, required: false, out var value))
            {
                return new LocalizedText("", "");
            }

            var at = $"{path}.{name}";
            OnlyKnownFields(value, at, ["nl", "en"]);
            return new LocalizedText(Language(value, at, "nl"), Language(value, at, "en"));
        }

        private string Language(JsonElement text, string path, string language) =>
            TryGet(text, path, language, JsonValueKind.String, required: false, out var value) ? value.GetString() ?? "" : "";

        private TEnum Enum<TEnum>(JsonElement parent, string path, string name)
            where TEnum : struct, Enum =>
            TryGet(parent, path, name, JsonValueKind.String, required: true, out var value)
                ? ReadEnum<TEnum>(value, $"{path}.{name}")
                : default;

        private TEnum ReadEnum<TEnum>(JsonElement element, string path)
            where TEnum : struct, Enum
        {
            var text = element.ValueKind == JsonValueKind.String ? element.GetString() ?? "" : element.GetRawText();
            if (element.ValueKind == JsonValueKind.String && EnumNames<TEnum>.ByName.TryGetValue(text, out var known))
            {
                return known;
            }

            Errors.Add($"{path}: '{text}' is not a known {EnumNames<TEnum>.What}; expected one of {string.Join(", ", EnumNames<TEnum>.ByName.Keys.Order(StringComparer.Ordinal))}");
            return default;
        }

        private string ReadString(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                return element.GetString() ?? "";
            }

            Errors.Add($"{path}: expected a string, found {Describe(element.ValueKind)}");
            return "";
        }

        private IReadOnlyList<T> List<T>(JsonElement parent, string path, string name, bool required, Func<JsonElement, string, T> item)
        {
            if (!TryGet(parent, path, name, JsonValueKind.Array, required, out var array))
            {
                return [];
            }

            return [.. array.EnumerateArray().Select((element, index) => item(element, string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{index}]")))];
        }

        private T? Object<T>(JsonElement parent, string path, string name, Func<JsonElement, string, T> read)
            where T : class =>
            TryGet(parent, path, name, JsonValueKind.Object, required: false, out var value) ? read(value, $"{path}.{name}") : null;

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "true or false",
            JsonValueKind.Null => "null",
            _ => "nothing",
        };
    }

    // Enum values are written in camelCase in the files ("caseOwner", "problemDefinition").
    private static class EnumNames<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<string, TEnum> ByName = System.Enum.GetValues<TEnum>()
            .ToFrozenDictionary(value => JsonNamingPolicy.CamelCase.ConvertName(value.ToString()), StringComparer.Ordinal);

        public static readonly string What = typeof(TEnum).Name switch
        {
            nameof(StepActor) => "actor",
            nameof(StepInteraction) => "interaction",
            nameof(MethodPhase) => "phase",
            nameof(ContributionKind) => "contribution",
            nameof(QuestionKind) => "question kind",
            nameof(GroupExperience) => "experience level",
            var other => other,
        };
    }
}
