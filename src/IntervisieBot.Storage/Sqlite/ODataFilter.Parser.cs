using System.Globalization;
using System.Text;

namespace IntervisieBot.Storage.Sqlite;

internal sealed partial class ODataFilter
{
    /// <summary>
    /// Recursive descent over the grammar
    /// <c>or := and ('or' and)*; and := not ('and' not)*; not := 'not' not | '(' or ')' | operand op operand</c>.
    /// </summary>
    private sealed class Parser
    {
        private static readonly string[] DateTimeFormats = ["yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mmK"];

        private readonly string _text;
        private int _position;
        private Token _current;

        public Parser(string text)
        {
            _text = text;
            _current = ReadToken();
        }

        private enum TokenKind
        {
            Word,
            Literal,
            Open,
            Close,
            End,
        }

        public Node ParseFilter()
        {
            var filter = ParseOr();
            if (_current.Kind != TokenKind.End)
            {
                throw Error("expected 'and', 'or' or the end of the filter");
            }

            return filter;
        }

        private Node ParseOr()
        {
            var left = ParseAnd();
            while (TryTakeWord("or"))
            {
                left = new Or(left, ParseAnd());
            }

            return left;
        }

        private Node ParseAnd()
        {
            var left = ParseNot();
            while (TryTakeWord("and"))
            {
                left = new And(left, ParseNot());
            }

            return left;
        }

        private Node ParseNot()
        {
            if (TryTakeWord("not"))
            {
                return new Not(ParseNot());
            }

            if (_current.Kind == TokenKind.Open)
            {
                Advance();
                var inner = ParseOr();
                if (_current.Kind != TokenKind.Close)
                {
                    throw Error("expected ')'");
                }

                Advance();
                return inner;
            }

            var left = ParseOperand();
            var op = ParseOperator();
            return new Comparison(left, op, ParseOperand());
        }

        private Operand ParseOperand()
        {
            var token = _current;
            if (token.Kind == TokenKind.Literal)
            {
                Advance();
                return new Literal(token.Value!);
            }

            if (token.Kind == TokenKind.Word && !IsKeyword(token.Text))
            {
                Advance();
                return new Property(token.Text);
            }

            throw Error("expected a property name or a value");
        }

        private ComparisonOperator ParseOperator()
        {
            ComparisonOperator? op = _current.Kind != TokenKind.Word ? null : _current.Text switch
            {
                "eq" => ComparisonOperator.Eq,
                "ne" => ComparisonOperator.Ne,
                "gt" => ComparisonOperator.Gt,
                "ge" => ComparisonOperator.Ge,
                "lt" => ComparisonOperator.Lt,
                "le" => ComparisonOperator.Le,
                _ => null,
            };
            if (op is null)
            {
                throw Error("expected a comparison (eq, ne, gt, ge, lt or le)");
            }

            Advance();
            return op.Value;
        }

        // Keywords are lower case, as the Table service writes and reads them; they cannot name a property.
        private static bool IsKeyword(string word) =>
            word is "and" or "or" or "not" or "eq" or "ne" or "gt" or "ge" or "lt" or "le";

        private bool TryTakeWord(string word)
        {
            if (_current.Kind != TokenKind.Word || _current.Text != word)
            {
                return false;
            }

            Advance();
            return true;
        }

        private void Advance() => _current = ReadToken();

        private ArgumentException Error(string expectation)
        {
            var found = _current.Kind == TokenKind.End ? "the end of the filter" : $"'{_current.Text}'";
            return Error(_current.Start, $"{expectation}, but found {found}");
        }

        private ArgumentException Error(int position, string problem) => Invalid(_text, position, problem);

        private Token ReadToken()
        {
            while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }

            var start = _position;
            if (_position == _text.Length)
            {
                return new Token(TokenKind.End, start, "", null);
            }

            var c = _text[_position];
            switch (c)
            {
                case '(':
                    _position++;
                    return new Token(TokenKind.Open, start, "(", null);
                case ')':
                    _position++;
                    return new Token(TokenKind.Close, start, ")", null);
                case '\'':
                    return LiteralToken(start, ReadQuoted());
                case '-' or (>= '0' and <= '9'):
                    return LiteralToken(start, ReadNumber());
                default:
                    if (char.IsAsciiLetter(c) || c == '_')
                    {
                        return ReadWordOrTypedLiteral();
                    }

                    throw Error(start, $"unexpected character '{c}'");
            }
        }

        private Token LiteralToken(int start, object value) => new(TokenKind.Literal, start, _text[start.._position], value);

        private Token ReadWordOrTypedLiteral()
        {
            var start = _position;
            while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] == '_'))
            {
                _position++;
            }

            var word = _text[start.._position];
            if (_position < _text.Length && _text[_position] == '\'')
            {
                var content = ReadQuoted();
                return LiteralToken(start, ParseTypedLiteral(start, word, content));
            }

            return word switch
            {
                "true" => LiteralToken(start, true),
                "false" => LiteralToken(start, false),
                "null" => throw Error(start, "null cannot be compared with: the Table service does not store nulls"),
                _ => new Token(TokenKind.Word, start, word, null),
            };
        }

        private object ParseTypedLiteral(int start, string prefix, string content)
        {
            switch (prefix)
            {
                case "datetime":
                    if (DateTimeOffset.TryParseExact(content, DateTimeFormats, CultureInfo.InvariantCulture,
                            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var when))
                    {
                        return when;
                    }

                    throw Error(start, $"'{content}' is not a date and time like 2026-03-01T19:30:00Z");
                case "guid":
                    return Guid.TryParseExact(content, "D", out var guid)
                        ? guid
                        : throw Error(start, $"'{content}' is not a guid like 0f8fad5b-d9cb-469f-a165-70867728950e");
                case "X" or "x" or "binary":
                    try
                    {
                        return Convert.FromHexString(content);
                    }
                    catch (FormatException)
                    {
                        throw Error(start, $"'{content}' is not binary written as pairs of hex digits");
                    }

                default:
                    throw Error(start, $"'{prefix}' is not a literal type (datetime, guid, X or binary)");
            }
        }

        // A value in single quotes, a quote inside written twice: 'O''Brien'.
        private string ReadQuoted()
        {
            var start = _position;
            var value = new StringBuilder();
            _position++;
            while (true)
            {
                if (_position == _text.Length)
                {
                    throw Error(start, "a quoted value is not closed");
                }

                var c = _text[_position++];
                if (c != '\'')
                {
                    value.Append(c);
                }
                else if (_position < _text.Length && _text[_position] == '\'')
                {
                    value.Append('\'');
                    _position++;
                }
                else
                {
                    return value.ToString();
                }
            }
        }

        // 42 (Int32), 42L (Int64), 4.2 / 4.2E-3 (Double); a minus sign may lead.
        private object ReadNumber()
        {
            var start = _position;
            if (_text[_position] == '-')
            {
                _position++;
            }

            var isDouble = false;
            if (!SkipDigits())
            {
                throw Error(start, "a number needs digits");
            }

            if (Peek('.'))
            {
                _position++;
                isDouble = true;
                if (!SkipDigits())
                {
                    throw Error(start, "a number needs digits after the decimal point");
                }
            }

            if (Peek('e') || Peek('E'))
            {
                _position++;
                isDouble = true;
                if (Peek('+') || Peek('-'))
                {
                    _position++;
                }

                if (!SkipDigits())
                {
                    throw Error(start, "a number needs digits in its exponent");
                }
            }

            var digits = _text.AsSpan(start, _position - start);
            var isLong = !isDouble && (Peek('L') || Peek('l'));
            if (isLong)
            {
                _position++;
            }

            if (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] == '_'))
            {
                throw Error(start, $"'{_text[start..(_position + 1)]}' is not a number");
            }

            if (isDouble)
            {
                var value = double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
                return double.IsFinite(value) ? value : throw Error(start, $"{digits} is too large for a double");
            }

            if (isLong)
            {
                return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                    ? l
                    : throw Error(start, $"{digits} does not fit a 64-bit integer");
            }

            return int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                ? i
                : throw Error(start, $"{digits} does not fit a 32-bit integer; write {digits}L for a 64-bit one");
        }

        private bool SkipDigits()
        {
            var start = _position;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
            }

            return _position > start;
        }

        private bool Peek(char c) => _position < _text.Length && _text[_position] == c;

        private readonly record struct Token(TokenKind Kind, int Start, string Text, object? Value);
    }
}
