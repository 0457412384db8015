"""The JSON Schema of the scenario format, for editors and `coalition schema`."""

from typing import Any

from game.model.scenario import Scenario


def scenario_json_schema() -> dict[str, Any]:
    """Returns the JSON Schema of a scenario file."""
    schema = Scenario.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Coalition Table scenario"
    return schema
