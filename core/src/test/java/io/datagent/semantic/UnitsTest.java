package io.datagent.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {

  @Test
  void should_read_units_as_written_when_header_or_comment_carries_one() {
    assertThat(Units.find("POTENCIA INSTALADA [MW]")).isEqualTo("MW");
    assertThat(Units.find("Energía (GWh)")).isEqualTo("GWh");
    assertThat(Units.find("TEMPERATURA MEDIA GBA °C")).isEqualTo("°C");
    assertThat(Units.find("Participación %")).isEqualTo("%");
    assertThat(Units.find("Gas Entregado - En miles de m3 de 9300 kcal")).isEqualTo("miles de m3");
    assertThat(Units.find("Demanda en MWh")).isEqualTo("MWh");
    assertThat(Units.find("Gasto (Euros)")).isEqualTo("Euros");
    assertThat(Units.find("Caudal (Hm3)")).isEqualTo("Hm3");
    assertThat(Units.find("Corriente (A)")).isEqualTo("A");
  }

  @Test
  void should_find_no_unit_when_text_has_none() {
    assertThat(Units.find("DEMANDA DISTRIBUIDOR")).isNull();
    assertThat(Units.find("Buenos Aires/1")).isNull();
    assertThat(Units.find(null)).isNull();
    assertThat(Units.find("Nota (1)")).isNull();
    // the inverted article of an official name is not a unit
    assertThat(Units.find("Provincia: Balears (Illes), Palmas (Las), Coruña (A)")).isNull();
    assertThat(Units.find("Rioja (La)")).isNull();
    assertThat(Units.find("Madrid (Comunidad de)")).isNull();
    // a value's own quantity is not the column's unit
    assertThat(Units.find("Tipo de Vehículo: CAMIONES HASTA 3500kg, FURGONETAS")).isNull();
    assertThat(Units.find("Consumo kWh")).isEqualTo("kWh");
    assertThat(Units.find("Balears (Illes), Madrid (Comunidad de), Murcia (Región de)")).isNull();
    assertThat(Units.find("I.06.02.a - Gas Entregado - En miles de m³ de 9300 kcal. Ver Anexo (I.06).")).isEqualTo("miles de m³");
  }

  @Test
  void should_average_levels_and_sum_flows() {
    assertThat(Units.level("°C", "temperatura")).isTrue();
    assertThat(Units.level(null, "precio_gasoil")).isTrue();
    assertThat(Units.level("MW", "potencia")).isFalse();
  }
}
