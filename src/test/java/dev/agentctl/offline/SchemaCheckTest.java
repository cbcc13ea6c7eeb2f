package dev.agentctl.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.agentctl.workspace.OutputSchema;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {
    private static JsonElement json(String s) {
        return JsonParser.parseString(s.replace('\'', '"'));
    }

    @Test
    void agentctlOutputSchemaIsStrictValid() {
        assertTrue(SchemaCheck.isStrictValid(JsonParser.parseString(OutputSchema.TEXT)));
    }

    @Test
    void missingAdditionalPropertiesIsRejectedAtTheRoot() {
        JsonElement schema = json("{'type':'object','required':['a'],'properties':{'a':{'type':'string'}}}");
        assertEquals("In context=(), 'additionalProperties' is required to be supplied and to be false.",
                SchemaCheck.violation(schema).orElseThrow());
    }

    @Test
    void additionalPropertiesTrueIsRejected() {
        assertFalse(SchemaCheck.isStrictValid(json("{'type':'object','additionalProperties':true,'properties':{}}")));
    }

    @Test
    void aPropertyMissingFromRequiredIsNamed() {
        JsonElement schema = json("{'type':'object','additionalProperties':false,'required':['a'],"
                + "'properties':{'a':{'type':'string'},'b':{'type':'string'}}}");
        assertEquals("In context=(), 'required' is required to be supplied and to be an array including every key"
                + " in properties. Missing 'b'.", SchemaCheck.violation(schema).orElseThrow());
    }

    @Test
    void missingRequiredArrayIsRejected() {
        assertFalse(SchemaCheck.isStrictValid(
                json("{'type':'object','additionalProperties':false,'properties':{'a':{'type':'string'}}}")));
    }

    @Test
    void nestedObjectsAreCheckedWithTheirContext() {
        JsonElement schema = json("{'type':'object','additionalProperties':false,'required':['inner'],"
                + "'properties':{'inner':{'type':'object','properties':{}}}}");
        assertEquals("In context=('properties', 'inner'), 'additionalProperties' is required to be supplied"
                + " and to be false.", SchemaCheck.violation(schema).orElseThrow());
    }

    @Test
    void arrayItemsAnyOfAndDefsAreChecked() {
        assertFalse(SchemaCheck.isStrictValid(json("{'type':'array','items':{'type':'object','properties':{}}}")));
        assertFalse(SchemaCheck.isStrictValid(json("{'anyOf':[{'type':'string'},{'type':['object','null']}]}")));
        assertFalse(SchemaCheck.isStrictValid(json("{'$defs':{'x':{'properties':{'a':{}}}},'type':'string'}")));
        assertTrue(SchemaCheck.isStrictValid(json("{'type':'array','items':{'type':'object',"
                + "'additionalProperties':false,'required':['a'],'properties':{'a':{'type':'integer'}}}}")));
    }

    @Test
    void nonObjectSchemasWithoutObjectsAreFine() {
        assertTrue(SchemaCheck.isStrictValid(json("{'type':'string'}")));
        assertFalse(SchemaCheck.isStrictValid(json("[1,2]")));
    }
}
