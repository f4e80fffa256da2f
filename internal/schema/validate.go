package schema

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/go-playground/validator/v10"
)

// Validate checks v, a pointer to a struct, against its `validate` tags and
// adds a problem to ps for each failure, at its JSON path relative to v with
// prefix put in front (see Join), and with a plain-English message that
// starts with the field's JSON name. The cross-field rules that tags cannot
// express are checked by each model itself.
func Validate(ps Problems, prefix string, v any) {
	err := structValidator().Struct(v)
	if err == nil {
		return
	}
	var errs validator.ValidationErrors
	if !errors.As(err, &errs) {
		ps.Add(prefix, "%s", err.Error())
		return
	}
	for _, fe := range errs {
		ps.Add(Join(prefix, fieldPath(fe)), "%s", fieldMessage(fe))
	}
}

// structValidator is created once, with every registration done before first
// use: validator's registrations are not safe to make concurrently.
var structValidator = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		if name == "" {
			return f.Name
		}
		return name
	})
	_ = v.RegisterValidation("date", func(fl validator.FieldLevel) bool {
		_, err := time.Parse(time.DateOnly, fl.Field().String())
		return err == nil
	})
	_ = v.RegisterValidation("id", func(fl validator.FieldLevel) bool {
		return ValidID(fl.Field().String())
	})
	return v
})

// ValidID reports whether s can serve as an ID: 1 to 64 letters, digits,
// dots, dashes or underscores, starting with a letter or digit.
func ValidID(s string) bool {
	if len(s) == 0 || len(s) > 64 {
		return false
	}
	for i, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
		if !ok && (i == 0 || r != '-' && r != '_' && r != '.') {
			return false
		}
	}
	return true
}

// fieldPath turns validator's namespace ("Partnership.partners[1].approach")
// into a JSON path relative to the validated struct ("partners[1].approach").
func fieldPath(fe validator.FieldError) string {
	ns := fe.Namespace()
	if _, rest, ok := strings.Cut(ns, "."); ok {
		return rest
	}
	return ""
}

// fieldMessage writes the failure as a sentence that starts with the field's
// JSON name and never mentions Go types or validator tags.
func fieldMessage(fe validator.FieldError) string {
	name := fe.Field()
	if i := strings.LastIndexByte(name, '['); i > 0 && strings.HasSuffix(name, "]") {
		name = name[:i] // "roles[2]" speaks of one entry of "roles"
		name = "each entry of " + name
	}
	param := fe.Param()
	switch fe.Tag() {
	case "required", "required_with", "required_without", "required_if":
		return name + " is required"
	case "oneof":
		return name + " must be one of " + strings.Join(strings.Fields(param), ", ")
	case "email":
		return name + " must be an email address such as name@example.org"
	case "date":
		return name + " must be a date written as YYYY-MM-DD, such as 2026-09-01"
	case "id":
		return name + " must be a short identifier: letters, digits, '.', '-' or '_', starting with a letter or digit, at most 64 characters"
	case "gte", "min":
		if isCollection(fe.Kind()) {
			return fmt.Sprintf("%s must have at least %s entries", name, param)
		}
		if fe.Kind() == reflect.String {
			return fmt.Sprintf("%s must be at least %s characters long", name, param)
		}
		return fmt.Sprintf("%s must be %s or more", name, param)
	case "lte", "max":
		if isCollection(fe.Kind()) {
			return fmt.Sprintf("%s must have at most %s entries", name, param)
		}
		if fe.Kind() == reflect.String {
			return fmt.Sprintf("%s must be at most %s characters long", name, param)
		}
		return fmt.Sprintf("%s must be %s or less", name, param)
	case "gt":
		return fmt.Sprintf("%s must be more than %s", name, param)
	case "lt":
		return fmt.Sprintf("%s must be less than %s", name, param)
	case "len":
		return fmt.Sprintf("%s must have exactly %s entries", name, param)
	case "url", "http_url":
		return name + " must be a web address such as https://example.org"
	case "datetime":
		return name + " must be a date and time"
	case "unique":
		return name + " must not list the same value twice"
	case "excludesall", "excludes":
		return name + " contains characters that are not allowed"
	case "printascii", "alphanum", "alphanumunicode":
		return name + " contains characters that are not allowed"
	}
	return name + " is not valid"
}

func isCollection(k reflect.Kind) bool {
	return k == reflect.Slice || k == reflect.Map || k == reflect.Array
}
