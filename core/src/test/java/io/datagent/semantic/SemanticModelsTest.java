package io.datagent.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SemanticModelsTest {

  static Map<String, Long> counts(String... valueCount) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < valueCount.length; i += 2) {
      m.put(valueCount[i], Long.parseLong(valueCount[i + 1]));
    }
    return m;
  }

  static final TableProfile PLANTS = new TableProfile("serving.plantas", "Centrales y su potencia", "Plantas.csv", 4, List.of(
      new TableProfile.Column("central", "string", "CENTRAL", "CENTRAL", 4, Map.of(), Map.of()),
      new TableProfile.Column("region", "string", "REGION", "REGION", 2, counts("CUYO   ", "3", "NOA", "1"), Map.of()),
      new TableProfile.Column("tipo_maquina", "string", "Tipo de máquina: DI = Diesel, TG = Turbina de gas, HI = Hidráulica",
          "TIPO_MAQUINA", 3, counts("DI", "2", "TG", "1", "HI", "1"), Map.of()),
      new TableProfile.Column("potencia_instalada_mw", "decimal(38,3)", "POTENCIA INSTALADA [MW]", "POTENCIA INSTALADA [MW]", 4, null, null),
      TableProfile.Column.of("_source_row", "bigint", null)));

  @Test
  void should_name_rows_after_the_key_column_and_take_unit_from_header_when_profile_has_a_unique_text_column() {
    SemanticModel m = SemanticModels.derive(PLANTS);

    assertThat(m.rowNoun()).isEqualTo("centrales");
    Measure mw = m.measure("potencia_instalada_mw").orElseThrow();
    assertThat(mw.unit()).isEqualTo("MW");
    assertThat(mw.aggregation()).isEqualTo(Aggregation.SUM);
    assertThat(mw.displayName()).isEqualTo("Potencia instalada [MW]");
    assertThat(mw.synonyms()).contains("Potencia instalada");
    assertThat(m.rowCount().orElseThrow().expr()).isEqualTo("COUNT(1)");
    assertThat(m.dimensions()).extracting(Dimension::name).containsExactly("central", "region", "tipo_maquina");
  }

  @Test
  void should_index_trimmed_values_and_codes_of_the_comment_when_column_is_low_cardinality_text() {
    SemanticModel m = SemanticModels.derive(PLANTS);

    assertThat(m.dimension("region").orElseThrow().values()).containsExactly("CUYO", "NOA");
    assertThat(m.dimension("tipo_maquina").orElseThrow().codes())
        .containsEntry("DI", "Diesel").containsEntry("TG", "Turbina de gas").containsEntry("HI", "Hidráulica");
  }

  @Test
  void should_average_temperatures_and_see_month_labels_and_day_rows_when_table_is_daily() {
    TableProfile daily = new TableProfile("serving.diario", null, null, 3, List.of(
        new TableProfile.Column("mes_ano", "string", "Mes/Año", "Mes/Año", 1, counts("ene-22", "3"), Map.of()),
        new TableProfile.Column("n_dia", "bigint", "N° Día", "N° Día", 3, null, null),
        new TableProfile.Column("fecha", "date", "Fecha", "Fecha", 3, null, null),
        new TableProfile.Column("temperatura_media_gba_c", "decimal(38,1)", "TEMPERATURA MEDIA GBA °C", null, 3, null, null),
        new TableProfile.Column("demanda", "decimal(38,1)", "DEMANDA", null, 3, null, null)));

    SemanticModel m = SemanticModels.derive(daily);

    assertThat(m.rowNoun()).isEqualTo("días");
    assertThat(m.measure("temperatura_media_gba_c").orElseThrow().aggregation()).isEqualTo(Aggregation.AVG);
    assertThat(m.measure("temperatura_media_gba_c").orElseThrow().unit()).isEqualTo("°C");
    assertThat(m.measure("demanda").orElseThrow().aggregation()).isEqualTo(Aggregation.SUM);
    assertThat(m.dimension("mes_ano").orElseThrow().kind()).isEqualTo(Dimension.Kind.MONTH_TEXT);
    assertThat(m.dimension("n_dia").orElseThrow().kind()).isEqualTo(Dimension.Kind.NUMBER);
    assertThat(m.temporal()).extracting(Dimension::name).containsExactly("fecha", "mes_ano");
  }

  @Test
  void should_give_every_category_column_the_table_unit_when_table_is_wide() {
    TableProfile wide = new TableProfile("serving.gas", "Gas Entregado: Servicio Residencial - En miles de m3 de 9300 kcal",
        null, 2, List.of(new TableProfile.Column("mes", "date", "Mes", "Mes", 2, null, null),
            new TableProfile.Column("buenos_aires", "bigint", "Buenos Aires/1 apertura por Distribuidora", null, 2, null, null),
            new TableProfile.Column("total", "bigint", "Total", null, 2, null, null)));

    SemanticModel m = SemanticModels.derive(wide);

    assertThat(m.rowNoun()).isEqualTo("meses");
    assertThat(m.measure("buenos_aires").orElseThrow().unit()).isEqualTo("miles de m3");
    assertThat(m.measure("buenos_aires").orElseThrow().displayName()).isEqualTo("Buenos Aires");
    assertThat(m.measure("total").orElseThrow().aggregation()).isEqualTo(Aggregation.SUM);
  }

  @Test
  void should_fall_back_to_rows_when_no_column_is_unique() {
    TableProfile p = new TableProfile("s.t", null, null, 10, List.of(TableProfile.Column.of("x", "string", null)));

    assertThat(SemanticModels.derive(p).rowNoun()).isEqualTo("filas");
  }

  @Test
  void should_name_rows_after_a_unique_code_key_and_keep_positions_and_ids_out_of_measures_when_table_is_a_census() {
    // given a municipal census: a unique integer key, a code with its description twin, coordinates, an OSM id
    TableProfile census = new TableProfile("serving.terrazas_original", "Datos cargados desde terrazas_original.csv",
        null, 3, List.of(
        new TableProfile.Column("id_terraza", "bigint", null, "id_terraza", 3, null, null),
        new TableProfile.Column("id_distrito_local", "bigint", null, "id_distrito_local", 2, null, null),
        new TableProfile.Column("desc_distrito_local", "string", null, "desc_distrito_local", 2,
            counts("CENTRO", "2", "RETIRO", "1"), Map.of()),
        new TableProfile.Column("nom_terraza", "string", null, "nom_terraza", 1, counts("NUM", "3"), Map.of()),
        new TableProfile.Column("coordenada_x_local", "decimal(38,2)", null, "coordenada_x_local", 3, null, null),
        new TableProfile.Column("openstreetmap_relation_id", "decimal(38,1)", null, null, 3, null, null),
        new TableProfile.Column("mesas_es", "bigint", null, "mesas_es", 3, null, null)));

    // when
    SemanticModel m = SemanticModels.derive(census);

    // then
    assertThat(m.rowNoun()).isEqualTo("terrazas");
    assertThat(SemanticModels.keyLike("id_terraza")).isTrue();
    assertThat(SemanticModels.keyLike("mesas_es")).isFalse();
    assertThat(m.measures()).extracting(Measure::name).containsExactly("mesas_es", "terrazas");
    assertThat(m.dimension("coordenada_x_local").orElseThrow().kind()).isEqualTo(Dimension.Kind.NUMBER);
    assertThat(m.dimension("openstreetmap_relation_id").orElseThrow().kind()).isEqualTo(Dimension.Kind.NUMBER);
    assertThat(m.dimension("desc_distrito_local").orElseThrow().synonyms()).contains("distrito local", "distrito");
    assertThat(m.dimension("id_distrito_local").orElseThrow().synonyms()).doesNotContain("distrito");
    assertThat(m.dimension("nom_terraza").orElseThrow().synonyms()).doesNotContain("terraza");
  }

  @Test
  void should_name_rows_after_the_table_when_its_unique_key_is_an_abbreviation() {
    TableProfile dams = new TableProfile("serving.embalses_enriquecido", null, null, 3, List.of(
        new TableProfile.Column("informe", "string", null, "INFORME", 3, null, null),
        new TableProfile.Column("id_infraes", "bigint", null, "ID_INFRAES", 3, null, null)));
    TableProfile series = new TableProfile("serving.datos_estaciones", null, null, 3, List.of(
        new TableProfile.Column("cod_estacion", "bigint", null, "COD_ESTACION", 3, null, null)));

    assertThat(SemanticModels.derive(dams).rowNoun()).isEqualTo("embalses");
    assertThat(SemanticModels.derive(series).rowNoun()).isEqualTo("estaciones");
  }

  @Test
  void should_take_no_table_unit_when_a_note_holds_mismatched_brackets() {
    TableProfile sheet = new TableProfile("serving.embalses", "Datos cargados desde Embalses.xlsx [hoja Listado (filtr]",
        null, 2, List.of(new TableProfile.Column("nmn_capac", "decimal(38,3)", null, "NMN_CAPAC", 2, null, null)));

    assertThat(SemanticModels.derive(sheet).measure("nmn_capac").orElseThrow().unit()).isNull();
    assertThat(Units.find("Caudal (m3/s) [medio]")).isEqualTo("m3/s");
  }
}
